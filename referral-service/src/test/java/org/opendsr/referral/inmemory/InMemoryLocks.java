package org.opendsr.referral.inmemory;

import java.util.ArrayList;
import java.util.List;

import org.opendsr.kit.ports.Locks;

/** One thread, so every lock is free; the names taken are kept to check the order. */
public class InMemoryLocks implements Locks {

    private final List<String> taken = new ArrayList<>();

    @Override
    public void lock(String name) {
        taken.add(name);
    }

    @Override
    public boolean tryLock(String name) {
        taken.add(name);
        return true;
    }

    public List<String> taken() {
        return List.copyOf(taken);
    }
}
