package org.mldgbench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run directories under {@code <out>/runs/<run id>/}: {@code spec.json}, {@code records.jsonl}
 * (one checkpoint per line, appended as training goes), {@code params-selected.npz} (parameters
 * at the best training-domain-validation checkpoint so far), {@code params-final.npz}, and
 * {@code done}, written last. Every
 * whole-file write goes to a temporary file first and is renamed into place, so a crash never
 * leaves a half-written {@code spec.json} or {@code done}; a directory without {@code done} is a
 * run that did not finish and is wiped and redone.
 */
final class RunStore {

    static final String SPEC = "spec.json";
    static final String RECORDS = "records.jsonl";
    static final String DONE = "done";
    static final String FINAL_PARAMS = "params-final.npz";
    static final String SELECTED_PARAMS = "params-selected.npz";

    private final Path runsDir;

    RunStore(Path outDir) {
        this.runsDir = outDir.resolve("runs");
    }

    Path runsDir() {
        return runsDir;
    }

    Path dir(String runId) {
        return runsDir.resolve(runId);
    }

    boolean isDone(String runId) {
        return Files.isRegularFile(dir(runId).resolve(DONE));
    }

    /** Empties (or creates) the run's directory for a fresh attempt and writes its spec. */
    void start(RunRecords.SpecFile spec) {
        Path d = dir(spec.runId());
        try {
            if (Files.exists(d)) {
                try (Stream<Path> files = Files.walk(d)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(d)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(d);
            writeAtomically(d.resolve(SPEC), Json.PRETTY.toJson(spec) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare run directory " + d, e);
        }
    }

    void appendCheckpoint(String runId, RunRecords.Checkpoint checkpoint) {
        Path file = dir(runId).resolve(RECORDS);
        try {
            Files.writeString(file, Json.COMPACT.toJson(checkpoint) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /**
     * An exclusive claim on a run, held while it trains: a lock on {@code runs/<id>.lock}. Two
     * processes sharing an output directory (shards, or a user who started the same sweep twice)
     * never train the same run at once.
     */
    static final class Claim implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Claim(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release a run lock", e);
            }
        }
    }

    /** Claims {@code runId}, or returns null when another process holds it. */
    Claim claim(String runId) {
        Path lockFile = runsDir.resolve(runId + ".lock");
        try {
            Files.createDirectories(runsDir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            return new Claim(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    /** Saves parameters as a NumPy archive (atomically replacing an earlier save). */
    void saveParameters(String runId, String fileName, java.util.Map<String, java.util.Map.Entry<long[], float[]>> params) {
        writeAtomically(dir(runId).resolve(fileName), NpzWriter.write(params));
    }

    void finish(String runId, RunRecords.Done done) {
        writeAtomically(dir(runId).resolve(DONE), Json.PRETTY.toJson(done) + "\n");
    }

    /** Every finished run under this store, in run-id order. Unfinished directories are skipped. */
    List<RunRecords.FinishedRun> readFinished() {
        var out = new ArrayList<RunRecords.FinishedRun>();
        if (!Files.isDirectory(runsDir)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(d.resolve(DONE))) {
                    out.add(read(d));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir, e);
        }
        return out;
    }

    private static RunRecords.FinishedRun read(Path d) {
        try {
            var spec = parse(d.resolve(SPEC), RunRecords.SpecFile.class);
            var done = parse(d.resolve(DONE), RunRecords.Done.class);
            var checkpoints = new ArrayList<RunRecords.Checkpoint>();
            Path records = d.resolve(RECORDS);
            if (Files.exists(records)) {
                int lineNo = 0;
                for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        checkpoints.add(Json.COMPACT.fromJson(line, RunRecords.Checkpoint.class));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(
                                records + " line " + lineNo + ": not a checkpoint record (" + e.getMessage() + ")", e);
                    }
                }
            }
            return new RunRecords.FinishedRun(spec, checkpoints, done);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run directory " + d, e);
        }
    }

    private static <T> T parse(Path file, Class<T> type) throws IOException {
        try {
            T value = Json.COMPACT.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a " + type.getSimpleName() + " JSON object");
            }
            return value;
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException(file + ": expected a " + type.getSimpleName() + " JSON object (" + e.getMessage() + ")", e);
        }
    }

    /** Writes {@code content} (UTF-8) to a temporary sibling and renames it over {@code target}. */
    static void writeAtomically(Path target, String content) {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code content} to a temporary sibling and renames it over {@code target}. The
     * temporary name is unique per process and call, and the file gets the default (umask)
     * permissions, so results stay readable on a shared cluster file system.
     */
    static void writeAtomically(Path target, byte[] content) {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + TEMP_COUNTER.incrementAndGet() + ".tmp");
        try {
            Files.createDirectories(parent);
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER = new java.util.concurrent.atomic.AtomicLong();
}
