package org.opendsr.benchmarks;

import java.util.List;

/**
 * The command line of {@code ./dsr-benchmark}.
 *
 * @param referrals   measured referrals; also the number of measured PostgreSQL transactions and Kafka records
 * @param concurrency callers working at once, the same for every measurement
 * @param warmUp      untimed calls before each measurement, so every JVM has compiled its hot paths
 * @param keepData    keep the run's data directory (databases, Kafka logs, service logs) for inspection
 * @param warmUpCapSeconds  the warm-up goes on, {@code warmUp} referrals a round, until the JIT compilers settle
 *                          or this many seconds have passed
 * @param jitSettledShare   compilation has settled when every service JVM's compiler threads took less than this
 *                          share of its CPU in the last warm-up round
 * @param agencyEvents      agency referral events published to dsr.agency.inbound.wiltshire-council for the agency ingest figure
 * @param pacedRate         referrals a second in the paced run (for latencies below saturation)
 * @param pacedSeconds      how long the paced run lasts
 * @param startUp           also measure the whole stack's start-up as ./dsr-local starts it (twice: the first start
 *                          makes the class-data archives, the second uses them)
 * @param reporting         the reporting phase (issue 14): whether it runs, alone or after the journey, and its sizes
 */
record BenchmarkOptions(int referrals, int concurrency, int warmUp, boolean keepData, int warmUpCapSeconds,
                        double jitSettledShare, int agencyEvents, int pacedRate, int pacedSeconds, boolean startUp,
                        Reporting reporting) {

    /**
     * The reporting phase's options.
     *
     * @param run           run the phase (after the journey's phases, or alone with {@code only})
     * @param only          run only the reporting phase (no journey, no PostgreSQL/Kafka journey baselines)
     * @param people        people in the seeded year of history
     * @param facts         facts in the seeded year of history
     * @param reads         timed reads of each report at each place (and of the JDBC baseline)
     * @param rebuildEvents events published on the four topics before the rebuild
     */
    record Reporting(boolean run, boolean only, int people, long facts, int reads, int rebuildEvents) {

        static final Reporting DEFAULT = new Reporting(true, false, 100_000, 5_000_000, 30, 200_000);
    }

    static final int DEFAULT_WARM_UP_CAP_SECONDS = 90;
    static final double DEFAULT_JIT_SETTLED_SHARE = 0.10;
    static final int DEFAULT_AGENCY_EVENTS = 1000;
    static final int DEFAULT_PACED_RATE = 50;
    static final int DEFAULT_PACED_SECONDS = 15;

    /** The original four options, the others at their defaults. */
    BenchmarkOptions(int referrals, int concurrency, int warmUp, boolean keepData) {
        this(referrals, concurrency, warmUp, keepData, DEFAULT_WARM_UP_CAP_SECONDS, DEFAULT_JIT_SETTLED_SHARE,
                DEFAULT_AGENCY_EVENTS, DEFAULT_PACED_RATE, DEFAULT_PACED_SECONDS, false, Reporting.DEFAULT);
    }

    /** Referrals the paced run makes. */
    int pacedReferrals() {
        return pacedRate * pacedSeconds;
    }

    static final String USAGE = String.join("\n",
            "Usage: ./dsr-benchmark [--referrals N] [--concurrency C] [--warm-up W] [--keep-data] [--no-build] [options below]",
            "  --referrals N    referrals measured through the gateway; the PostgreSQL and Kafka baselines",
            "                   make as many transactions and records (default 2000)",
            "  --concurrency C  callers working at once, in every measurement (default 8)",
            "  --warm-up W      untimed calls before each measurement; the journey's warm-up repeats rounds of W",
            "                   until the JIT compilers settle (default 300)",
            "  --warm-up-cap S  stop warming up after S seconds even if compilation has not settled (default 90)",
            "  --jit-settled F  settled: every service's compiler threads took under F of its CPU in the last round",
            "                   (default 0.10)",
            "  --agency-events N  agency referral events for the topic ingest measurement (default 1000)",
            "  --paced-rate R   referrals a second in the paced latency run (default 50)",
            "  --paced-seconds S  length of the paced run (default 15)",
            "  --start-up       also time the whole stack's start as ./dsr-local starts it, twice (class-data archive",
            "                   made, then used); adds about two minutes",
            "  --reporting-only run only the reporting phase (issue 14): seed a year of history, cut its snapshots,",
            "                   time reports from them, rebuild the store from a backlog on the topics",
            "  --no-reporting   leave the reporting phase out of a full run",
            "  --reporting-people N  people in the seeded history (default 100000)",
            "  --reporting-facts N   facts in the seeded history (default 5000000)",
            "  --report-reads N      timed reads of each report, at each place (default 30)",
            "  --rebuild-events N    events published on the four topics before the rebuild (default 200000)",
            "  --keep-data      keep the run's data directory (logs, databases) under benchmarks/target",
            "  --no-build       run without building first");

    static BenchmarkOptions parse(List<String> args) {
        int referrals = 2000;
        int concurrency = 8;
        int warmUp = 300;
        boolean keepData = false;
        int warmUpCap = DEFAULT_WARM_UP_CAP_SECONDS;
        double jitSettled = DEFAULT_JIT_SETTLED_SHARE;
        int agencyEvents = DEFAULT_AGENCY_EVENTS;
        int pacedRate = DEFAULT_PACED_RATE;
        int pacedSeconds = DEFAULT_PACED_SECONDS;
        boolean startUp = false;
        Reporting r = Reporting.DEFAULT;
        boolean runReporting = r.run();
        boolean reportingOnly = r.only();
        int people = r.people();
        long facts = r.facts();
        int reads = r.reads();
        int rebuildEvents = r.rebuildEvents();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--referrals" -> referrals = positive(arg, args, ++i);
                case "--concurrency" -> concurrency = positive(arg, args, ++i);
                case "--warm-up" -> warmUp = positive(arg, args, ++i);
                case "--keep-data" -> keepData = true;
                case "--warm-up-cap" -> warmUpCap = positive(arg, args, ++i);
                case "--jit-settled" -> jitSettled = share(arg, args, ++i);
                case "--agency-events" -> agencyEvents = positive(arg, args, ++i);
                case "--paced-rate" -> pacedRate = positive(arg, args, ++i);
                case "--paced-seconds" -> pacedSeconds = positive(arg, args, ++i);
                case "--start-up" -> startUp = true;
                case "--reporting-only" -> reportingOnly = true;
                case "--no-reporting" -> runReporting = false;
                case "--reporting-people" -> people = positive(arg, args, ++i);
                case "--reporting-facts" -> facts = positive(arg, args, ++i);
                case "--report-reads" -> reads = positive(arg, args, ++i);
                case "--rebuild-events" -> rebuildEvents = positive(arg, args, ++i);
                case "--no-build" -> {
                    // handled by the script
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (reportingOnly && !runReporting) {
            throw new IllegalArgumentException("--reporting-only and --no-reporting contradict each other");
        }
        return new BenchmarkOptions(referrals, concurrency, warmUp, keepData, warmUpCap, jitSettled, agencyEvents,
                pacedRate, pacedSeconds, startUp,
                new Reporting(runReporting, reportingOnly, people, facts, reads, rebuildEvents));
    }

    private static double share(String option, List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a number between 0 and 1");
        }
        try {
            double value = Double.parseDouble(args.get(index));
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException(option + " must be between 0 and 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number between 0 and 1, not " + args.get(index));
        }
    }

    private static int positive(String option, List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            int value = Integer.parseInt(args.get(index));
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be at least 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + args.get(index));
        }
    }
}
