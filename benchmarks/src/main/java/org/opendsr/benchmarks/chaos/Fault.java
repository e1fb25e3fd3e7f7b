package org.opendsr.benchmarks.chaos;

import org.opendsr.local.LocalDsr;

/** One fault injected into the running system through the public ways a real one happens, then healed. */
interface Fault {

    String name();

    /** Injects the fault, lets the system run with it, heals it; returns when the system is whole again. */
    void inject(LocalDsr dsr, Ledger ledger, ChaosReport report) throws Exception;
}
