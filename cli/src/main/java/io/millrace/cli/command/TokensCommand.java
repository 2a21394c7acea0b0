package io.millrace.cli.command;

import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tokens create|list|revoke}: the tenant's Millrace API tokens. */
@Command(name = "tokens", description = "Manage API tokens.",
        subcommands = { TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class })
public class TokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliSession session;

    public TokensCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(session.err());
        return MillraceCli.USAGE;
    }
}
