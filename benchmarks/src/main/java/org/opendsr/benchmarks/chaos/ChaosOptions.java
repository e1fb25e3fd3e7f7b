package org.opendsr.benchmarks.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./dsr-chaos}. The defaults finish in a few minutes on 2 cores (plus the build).
 *
 * @param seed            seeds the fuzzed requests, the bad events and the valid people, so a run can be repeated
 * @param referralRate    referrals per second POSTed through the gateway while the faults happen
 * @param agencyRate      valid agency referrals per second published on dsr.agency.inbound.wiltshire-council meanwhile
 * @param badEvents       bad agency events mixed among valid ones (plus one poison record of about 2 MB)
 * @param fuzzedRequests  fuzzed HTTP requests
 * @param crash           the services (and gateway) to kill -9 and restart, one after another
 * @param brokerCrash     kill -9 the Kafka broker mid-stream and restart it
 * @param outageSeconds   how long PostgreSQL stays stopped (0: no outage)
 * @param drainSeconds    how long every consumer may take to reach zero lag at the end before its partitions
 *                        count as stalled
 * @param failoverBound   a consumer's partitions must be consumed again within this many seconds of a kill -9
 * @param keepData        keep the run's data directory (logs, databases, Kafka logs)
 */
record ChaosOptions(long seed, double referralRate, double agencyRate, int badEvents, int fuzzedRequests,
                    List<String> crash, boolean brokerCrash, int outageSeconds, int drainSeconds, int failoverBound,
                    boolean keepData) {

    static final List<String> ALL_SERVICES = List.of("referral-service", "consent-service", "risk-service",
            "meeting-service", "reporting-service", "gateway");

    static final String USAGE = String.join("\n",
            "Usage: ./dsr-chaos [options] [--no-build]",
            "  --seed N              seed of the fuzzed requests, bad events and people (default 10)",
            "  --referral-rate R     referrals per second through the gateway during the faults (default 4)",
            "  --agency-rate R       valid agency referrals per second on dsr.agency.inbound.wiltshire-council (default 4)",
            "  --bad-events N        bad agency events mixed among valid ones, besides the 2 MB poison one (default 64)",
            "  --fuzz N              fuzzed HTTP requests (default 400)",
            "  --crash a,b,...       services to kill -9 and restart in turn (default: all five and the gateway;",
            "                        'none' for none)",
            "  --no-broker-crash     do not kill the Kafka broker",
            "  --outage S            seconds PostgreSQL stays stopped (default 10; 0 for no outage)",
            "  --drain S             seconds the consumers may take to reach zero lag at the end (default 45)",
            "  --failover-bound S    a killed consumer's partitions must move again within S seconds (default 10)",
            "  --keep-data           keep the run's data directory (logs, databases) under benchmarks/target",
            "  --no-build            run without building first");

    static ChaosOptions parse(List<String> args) {
        long seed = 10;
        double referralRate = 4;
        double agencyRate = 4;
        int badEvents = 64;
        int fuzz = 400;
        List<String> crash = ALL_SERVICES;
        boolean brokerCrash = true;
        int outage = 10;
        int drain = 45;
        int failoverBound = 10;
        boolean keepData = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--seed" -> seed = Long.parseLong(value(arg, args, ++i));
                case "--referral-rate" -> referralRate = rate(arg, value(arg, args, ++i));
                case "--agency-rate" -> agencyRate = rate(arg, value(arg, args, ++i));
                case "--bad-events" -> badEvents = count(arg, value(arg, args, ++i), 0);
                case "--fuzz" -> fuzz = count(arg, value(arg, args, ++i), 0);
                case "--crash" -> crash = services(value(arg, args, ++i));
                case "--no-broker-crash" -> brokerCrash = false;
                case "--outage" -> outage = count(arg, value(arg, args, ++i), 0);
                case "--drain" -> drain = count(arg, value(arg, args, ++i), 1);
                case "--failover-bound" -> failoverBound = count(arg, value(arg, args, ++i), 1);
                case "--keep-data" -> keepData = true;
                case "--no-build" -> {
                    // handled by the script
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new ChaosOptions(seed, referralRate, agencyRate, badEvents, fuzz, crash, brokerCrash, outage, drain,
                failoverBound, keepData);
    }

    private static String value(String option, List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static double rate(String option, String value) {
        try {
            double rate = Double.parseDouble(value);
            if (!(rate > 0 && rate <= 500)) {
                throw new IllegalArgumentException(option + " must be above 0 and at most 500");
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }

    private static int count(String option, String value, int minimum) {
        try {
            int count = Integer.parseInt(value);
            if (count < minimum) {
                throw new IllegalArgumentException(option + " must be at least " + minimum);
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value);
        }
    }

    private static List<String> services(String value) {
        if (value.equals("none")) {
            return List.of();
        }
        List<String> services = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!ALL_SERVICES.contains(name.trim())) {
                throw new IllegalArgumentException("--crash: no service " + name + "; one of " + ALL_SERVICES);
            }
            services.add(name.trim());
        }
        return List.copyOf(services);
    }
}
