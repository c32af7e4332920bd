package org.supportdesk.bootstrap;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.supportdesk.domain.port.CapacityReached;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.tenant.Password;

/**
 * Password hashing with a bound on how many hashes run at once. Each Argon2id hash holds its memory cost (19 MiB) for
 * its whole run, so without a bound a burst of parallel sign-ins, which need no account, could fill the heap. A call
 * beyond the bound waits its turn briefly, then is refused with {@link CapacityReached} (503 with Retry-After), having
 * done nothing; so is any call while too many already wait.
 */
final class BoundedHashing implements PasswordHashing {
    /** At most this share of the heap goes to hashes in progress. */
    private static final int HEAP_SHARE_DIVISOR = 8;

    private final PasswordHashing hashing;
    private final Semaphore running;
    private final int atOnce;
    private final int maxWaiting;
    private final Duration maxWait;

    BoundedHashing(PasswordHashing hashing, int atOnce, int maxWaiting, Duration maxWait) {
        if (atOnce < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("at least one hash at a time, and no negative queue");
        }
        this.hashing = hashing;
        this.running = new Semaphore(atOnce, true);
        this.atOnce = atOnce;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /**
     * As many hashes at once as there are processors (more would only queue for them), fewer when the heap cannot
     * hold that many at {@code bytesPerHash} within an eighth of it; up to 8 times that many wait, at most 2 seconds.
     */
    static BoundedHashing sizedFor(PasswordHashing hashing, long bytesPerHash) {
        long heapAllows = Runtime.getRuntime().maxMemory() / HEAP_SHARE_DIVISOR / bytesPerHash;
        int atOnce = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), heapAllows));
        return new BoundedHashing(hashing, atOnce, atOnce * 8, Duration.ofSeconds(2));
    }

    /** How many hashes may run at once. */
    int atOnce() {
        return atOnce;
    }

    @Override
    public String hash(Password password) {
        return bounded(() -> hashing.hash(password));
    }

    @Override
    public boolean verify(String password, String hash) {
        return bounded(() -> hashing.verify(password, hash));
    }

    private <T> T bounded(Supplier<T> work) {
        if (running.getQueueLength() >= maxWaiting && running.availablePermits() == 0) {
            throw new CapacityReached("sign-ins");
        }
        try {
            if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new CapacityReached("sign-ins");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CapacityReached("sign-ins");
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }
}
