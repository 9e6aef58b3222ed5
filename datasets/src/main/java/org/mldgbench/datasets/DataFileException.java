package org.mldgbench.datasets;

import java.nio.file.Path;

/**
 * A data file (or directory) that is missing or not what a loader expected. The message always
 * names the file and what was expected, so the user can fix the data without reading a stack trace.
 */
public final class DataFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
