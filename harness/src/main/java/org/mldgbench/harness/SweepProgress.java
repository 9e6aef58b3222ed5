package org.mldgbench.harness;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a sweep: one line per finished run (with runs done/total and an ETA from the mean
 * run time so far) and, on an interactive terminal, a progress bar on standard error. Quiet mode
 * (CI) prints neither.
 */
final class SweepProgress implements AutoCloseable {

    private final int total;
    private final boolean quiet;
    private final ProgressBar bar;
    private final long start = System.nanoTime();
    private int done;

    SweepProgress(int total, boolean quiet) {
        this.total = total;
        this.quiet = quiet;
        this.bar = quiet || System.console() == null || total == 0 ? null : new ProgressBarBuilder()
                .setTaskName("sweep")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" runs", 1)
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setUpdateIntervalMillis(1000)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    /** Reports one finished (or skipped) run. */
    void finished(String line, PrintWriter log) {
        done++;
        if (bar != null) {
            bar.step();
        }
        if (quiet) {
            return;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / done * (total - done);
        // On a terminal the bar shares the screen: clear its line before printing ours.
        String clear = bar != null ? "\r\033[K" : "";
        log.printf(Locale.ROOT, "%s[%" + Integer.toString(total).length() + "d/%d] %s | ETA %s%n",
                clear, done, total, line, Sweep.duration(eta));
        log.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
