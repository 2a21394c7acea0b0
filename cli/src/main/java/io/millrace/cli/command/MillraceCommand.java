package io.millrace.cli.command;

import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code millrace}: without a subcommand it prints the usage and exits with 2. */
@Command(name = "millrace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Millrace stream processing: apply pipeline specs from git, deploy and operate jobs.",
        footer = { "", "Credentials: 'millrace login' stores them in ~/.config/millrace/config.json (or"
                + " $MILLRACE_CONFIG); MILLRACE_URL and MILLRACE_TOKEN override it.",
                "Exit codes: 0 ok, 1 API error or invalid spec, 2 usage error." },
        subcommands = { LoginCommand.class, LogoutCommand.class, ApplyCommand.class, ValidateCommand.class,
                PlanCommand.class, PipelinesCommand.class, VersionsCommand.class, DiffCommand.class,
                DeployCommand.class, JobsCommand.class, StatusCommand.class, StopCommand.class,
                SavepointCommand.class, ResumeCommand.class, RescaleCommand.class, RestartCommand.class,
                ExceptionsCommand.class, CheckpointsCommand.class, TokensCommand.class, WorkersCommand.class })
public class MillraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliSession session;

    public MillraceCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(session.err());
        return MillraceCli.USAGE;
    }
}
