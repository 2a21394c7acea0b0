package io.millrace.cli;

/** The {@code millrace} executable's entry point (see {@code cli/millrace}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new MillraceCli(CliEnvironment.system()).execute(args));
    }
}
