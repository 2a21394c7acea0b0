package io.millrace.cli.command;

import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.config.ConfigStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code logout}: deletes the stored login (the token itself stays valid; revoke it with 'tokens revoke'). */
@Command(name = "logout", description = "Forget the stored URL and token.")
public class LogoutCommand implements Callable<Integer> {

    private final CliSession session;

    public LogoutCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        boolean removed = session.config().delete();
        session.out().println(removed ? "logged out: removed " + session.config().file()
                : "not logged in (no " + session.config().file() + ")");
        if (session.env().variable(ConfigStore.TOKEN_VARIABLE).isPresent()) {
            session.err().println("note: " + ConfigStore.TOKEN_VARIABLE + " is set and still applies");
        }
        return MillraceCli.OK;
    }
}
