package org.opendsr.benchmarks.chaos;

/**
 * What is down while a request is answered, and so which 5xx answers are the honest ones: a 502/503/504 while the
 * service behind the path (or the gateway) is being restarted, a 503 while PostgreSQL is stopped. A 500 is never
 * expected: it means a fault was not handled. Anything else is an unexpected 5xx.
 */
record FaultWindow(String down) {

    static final FaultWindow NONE = new FaultWindow(null);
    static final String DATABASE = "postgresql";
    static final String BROKER = "kafka";

    static FaultWindow serviceDown(String service) {
        return new FaultWindow(service);
    }

    static FaultWindow databaseDown() {
        return new FaultWindow(DATABASE);
    }

    static FaultWindow brokerDown() {
        return new FaultWindow(BROKER);
    }

    boolean isDatabaseOutage() {
        return DATABASE.equals(down);
    }

    /**
     * Whether a server error is expected from a request to {@code service} through the gateway while this is down.
     */
    boolean excuses(int status, String service) {
        if (status < 500 || status == 500 || down == null) {
            return false;
        }
        if (isDatabaseOutage()) {
            return status == 503;
        }
        boolean pathDown = down.equals(service) || down.equals("gateway");
        return pathDown && (status == 502 || status == 503 || status == 504);
    }

    @Override
    public String toString() {
        return down == null ? "no fault" : down + " down";
    }
}
