package io.millrace.cli.command;

import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code JOB:CHECKPOINT}, e.g. {@code 3f2c...-9a1b:42}: a savepoint or checkpoint of one of the tenant's jobs. */
record SavepointRef(UUID jobId, long checkpointId) {

    /** Parses {@code --from-savepoint}; a malformed value is a usage error naming the expected shape. */
    static final class Converter implements ITypeConverter<SavepointRef> {

        @Override
        public SavepointRef convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not JOB:CHECKPOINT (a job id, a colon and a"
                        + " checkpoint id, e.g. 3f2c0d7e-...:42)");
            }
            UUID job;
            try {
                job = UUID.fromString(value.substring(0, colon));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value.substring(0, colon) + "' is not a job id (a UUID)");
            }
            try {
                long checkpoint = Long.parseLong(value.substring(colon + 1));
                if (checkpoint < 0) {
                    throw new NumberFormatException();
                }
                return new SavepointRef(job, checkpoint);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value.substring(colon + 1)
                        + "' is not a checkpoint id (a whole number, see 'millrace checkpoints JOB')");
            }
        }
    }
}
