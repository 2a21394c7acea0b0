package io.millrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.cli.api.ApiException;
import io.millrace.cli.api.ApiUnreachableException;
import io.millrace.cli.command.ApiCommand;
import io.millrace.cli.command.MillraceCommand;
import io.millrace.cli.config.ConfigFileException;
import io.millrace.cli.config.NotLoggedInException;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.OutputFormat;
import io.millrace.cli.output.ProblemRenderer;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One run of the CLI: parses the arguments with picocli, runs the command and maps every failure to an exit code and a
 * message for people (never a stack trace, unless {@code MILLRACE_DEBUG} is set).
 *
 * <ul>
 * <li>0: done</li>
 * <li>1: the API answered with an error (printed as {@code error: <title>: <detail>} plus field errors, or the
 * problem JSON on stdout with {@code --output json}), could not be reached, or a validation found errors</li>
 * <li>2: usage error (unknown option, missing argument, unreadable spec file, not logged in)</li>
 * </ul>
 */
public final class MillraceCli {

    public static final int OK = 0;
    public static final int API_ERROR = 1;
    public static final int USAGE = 2;

    private final CliEnvironment env;
    private final CliSession session;

    public MillraceCli(CliEnvironment env) {
        this.env = env;
        this.session = new CliSession(env, new ObjectMapper(), version());
    }

    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(MillraceCommand.class, new SessionFactory(session))
                .setOut(env.out())
                .setErr(env.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(this::usageError)
                .setExecutionExceptionHandler(this::failure);
        int exit = commandLine.execute(args);
        env.out().flush();
        env.err().flush();
        return exit;
    }

    private int usageError(ParameterException e, String[] args) {
        PrintWriter err = env.err();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        return USAGE;
    }

    private int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = env.err();
        if (e instanceof ApiException api) {
            Object command = commandLine.getCommand();
            if (command instanceof ApiCommand c && c.output() == OutputFormat.JSON) {
                env.out().print(Json.pretty(session.json(), api.body()));
            } else {
                err.print(ProblemRenderer.render(api.problem(),
                        command instanceof ApiCommand c ? c.sourceFile() : null));
            }
            return API_ERROR;
        }
        if (e instanceof ApiUnreachableException) {
            err.println("error: " + e.getMessage());
            return API_ERROR;
        }
        if (e instanceof NotLoggedInException || e instanceof UsageException || e instanceof ConfigFileException) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        err.println("error: unexpected failure: " + e);
        if (env.variable("MILLRACE_DEBUG").isPresent()) {
            e.printStackTrace(err);
        } else {
            err.println("  (set MILLRACE_DEBUG=1 for the stack trace)");
        }
        return API_ERROR;
    }

    private static String version() {
        String version = MillraceCli.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Gives commands that want it the session through their constructor; everything else picocli builds. */
    private record SessionFactory(CliSession session) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliSession.class);
                return constructor.newInstance(session);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
