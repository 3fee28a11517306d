import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cartevidence.stats.EventCount;
import org.cartevidence.stats.MetaAnalysis;
import org.cartevidence.stats.PooledEstimate;
import org.cartevidence.stats.PoolingSettings;

/**
 * Times the service's pooling alone: MetaAnalysis.pool over the cohorts of a CSV (events,total), by inverse variance
 * with its defaults (PoolingSettings.INVERSE_VARIANCE_DEFAULTS: logit, random effects, REML, Hartung-Knapp, Wilson
 * cohort intervals, 95 %), or by the GLMM, the service's default (PoolingSettings.DEFAULTS).
 *
 *   java -cp ... PoolTiming cohorts.csv [warmup] [repetitions] [reml|glmm]
 *
 * Prints one "key value" pair per line: k, the estimates (to compare with metafor) and the median, minimum and
 * maximum of the timed repetitions in milliseconds. A plain harness, not JMH: warm-up repetitions first so that the
 * JIT has compiled the code, then each repetition timed on its own with System.nanoTime.
 */
public final class PoolTiming {

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<EventCount> cohorts = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("events")) {
                continue;
            }
            String[] cells = line.split(",");
            cohorts.add(new EventCount(Integer.parseInt(cells[0].trim()), Integer.parseInt(cells[1].trim())));
        }
        boolean glmm = args.length > 3 && args[3].equals("glmm");
        PoolingSettings settings = glmm ? PoolingSettings.DEFAULTS : PoolingSettings.INVERSE_VARIANCE_DEFAULTS;
        PooledEstimate estimate = null;
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            estimate = MetaAnalysis.pool(cohorts, settings);
            sink += estimate.estimate();
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            estimate = MetaAnalysis.pool(cohorts, settings);
            ms[i] = (System.nanoTime() - start) / 1e6;
            sink += estimate.estimate();
        }
        Arrays.sort(ms);
        double median = repetitions % 2 == 1 ? ms[repetitions / 2] : (ms[repetitions / 2 - 1] + ms[repetitions / 2]) / 2;
        print("k", estimate.k());
        print("warmup", warmup);
        print("repetitions", repetitions);
        print("mu", estimate.mu());
        print("tau2", estimate.tau2() == null ? Double.NaN : estimate.tau2());
        print("se", estimate.se());
        print("estimate", estimate.estimate());
        print("ci_lower", estimate.ciLower());
        print("ci_upper", estimate.ciUpper());
        print("q", estimate.q() == null ? Double.NaN : estimate.q());
        print("i2", estimate.i2() == null ? Double.NaN : estimate.i2());
        print("median_ms", median);
        print("min_ms", ms[0]);
        print("max_ms", ms[repetitions - 1]);
        if (sink == 42.4242) {
            System.out.println(); // keeps the results alive
        }
    }

    private static void print(String key, double value) {
        System.out.println(key + " " + String.format(Locale.ROOT, "%.10g", value));
    }
}
