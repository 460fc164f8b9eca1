package io.contactledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat mix at full speed from C clients: 15 % new visitors, 35 % details, 5 % customer links,
 * 25 % tags, 15 % notes, 5 % custom fields. A change goes half the time to a contact this client
 * created (hot, usually in the aggregate cache) and, once the store holds seeded histories, half
 * the time to a random seeded contact (cold, loaded from the event store), so the store's size
 * shows in the measurement. With several command-side instances each request picks one at random.
 */
final class CommandMix {

    private static final String WS = "/api/v1/workspaces/bench";

    private final List<Client> instances;
    private final Errors errors;
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile int seeded;

    /** Each request goes to one of {@code clients} (command-side instances) at random, so every contact's commands meet them all. */
    CommandMix(List<Client> clients, Errors errors) {
        this.instances = List.copyOf(clients);
        this.errors = errors;
    }

    /** Seeded contacts {@code s-0 .. s-(count-1)} now exist and join the population. */
    void seeded(int count) {
        seeded = count;
    }

    /** Runs the mix for the given time, counting failures under {@code phase}; returns the contacts it created. */
    List<String> run(String phase, int clients, int seconds, Latencies latencies) throws InterruptedException {
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < clients; t++) {
            pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int roll = random.nextInt(100);
                    Client client = instances.get(random.nextInt(instances.size()));
                    long t0 = System.nanoTime();
                    int status;
                    if (mine.isEmpty() || roll < 15) {
                        String id = "c-" + sequence.incrementAndGet();
                        status = client.statusOf("POST", WS + "/contacts", "{\"contactId\":\"" + id + "\",\"country\":\"GB\"}");
                        mine.add(id);
                        created.add(id);
                    } else {
                        int pool0 = seeded;
                        String id = pool0 > 0 && random.nextBoolean() ? "s-" + random.nextInt(pool0)
                                : mine.get(random.nextInt(mine.size()));
                        status = client.statusOf(roll < 50 || roll >= 55 && roll < 95 ? "POST" : "PUT",
                                WS + "/contacts/" + id + path(roll), body(roll, id));
                    }
                    latencies.add(System.nanoTime() - t0);
                    // 409 is a rule's answer (a 101st tag, a customer ID already linked), not a failure
                    if (status >= 300 && status != 409) {
                        errors.count(phase, status);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return created;
    }

    private static String path(int roll) {
        if (roll < 50) {
            return "/details";
        }
        if (roll < 55) {
            return "/customer-id";
        }
        if (roll < 80) {
            return "/tags";
        }
        if (roll < 95) {
            return "/notes";
        }
        return "/custom-fields/plan";
    }

    private static String body(int roll, String id) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (roll < 50) {
            return random.nextBoolean() ? "{\"name\":\"Person " + random.nextInt(1000) + "\"}"
                    : "{\"email\":\"p" + random.nextInt(1000) + "@example.com\"}";
        }
        if (roll < 55) {
            return "{\"customerId\":\"CUST-" + id + "\"}";
        }
        if (roll < 80) {
            return "{\"tag\":\"t" + random.nextInt(20) + "\"}";
        }
        if (roll < 95) {
            return "{\"text\":\"note " + random.nextInt() + "\"}";
        }
        return "{\"value\":\"" + (random.nextBoolean() ? "free" : "pro") + "\"}";
    }
}
