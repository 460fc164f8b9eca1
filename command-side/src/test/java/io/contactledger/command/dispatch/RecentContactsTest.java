package io.contactledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class RecentContactsTest {

    @Test
    void givenAFullCache_whenAnotherContactIsPut_thenTheOneUsedLeastRecentlyGoes() {
        RecentContacts cache = new RecentContacts(3);
        cache.put("a", "A");
        cache.put("b", "B");
        cache.put("c", "C");
        cache.get("a");

        cache.put("d", "D");

        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(List.of("a", "c", "d")).allMatch(cache::containsKey);
        assertThat((String) cache.get("a")).isEqualTo("A");
    }

    @Test
    void givenCachedContacts_whenTheCollectorRuns_thenTheyAreStillThere() {
        // the weak-reference cache used before lost its entries here, so busy services reloaded nearly every contact
        RecentContacts cache = new RecentContacts(100);
        for (int i = 0; i < 100; i++) {
            cache.put("contact-" + i, new StringBuilder("state of ").append(i));
        }

        System.gc();

        for (int i = 0; i < 100; i++) {
            assertThat(cache.<String, StringBuilder>get("contact-" + i)).as("contact-" + i).hasToString("state of " + i);
        }
    }

    @Test
    void givenContactsLargerThanTheHeapCanHold_whenMoreArePut_thenTheOldestAreGivenUpRatherThanTheHeapExhausted() {
        RecentContacts cache = new RecentContacts(10_000);
        int chunk = 32 << 20;
        long puts = 2 * Runtime.getRuntime().maxMemory() / chunk + 1;

        for (int i = 0; i < puts; i++) {
            cache.put("large-" + i, new byte[chunk]);
        }

        assertThat(cache.containsKey("large-0")).as("given up under memory pressure").isFalse();
        assertThat(cache.<String, byte[]>get("large-" + (puts - 1))).hasSize(chunk);
    }

    @Test
    void givenAContactLastDecidedHereAtTheStoresVersion_whenCheckedBeforeTheNextDecision_thenItStaysCached() {
        RecentContacts cache = new RecentContacts(10);
        cache.decided("a", 7);
        cache.put("a", "A at 7");

        cache.forgetUnlessAt("a", 7);

        assertThat(cache.<String, String>get("a")).isEqualTo("A at 7");
    }

    @Test
    void givenAnotherInstanceAppendedSince_whenCheckedBeforeTheNextDecision_thenTheStaleCopyIsDropped() {
        RecentContacts cache = new RecentContacts(10);
        cache.decided("a", 7);
        cache.put("a", "A at 7");

        cache.forgetUnlessAt("a", 8);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void givenACachedContactNoDecisionHereAccountsFor_whenChecked_thenItIsDropped() {
        RecentContacts cache = new RecentContacts(10);
        cache.put("a", "A");

        cache.forgetUnlessAt("a", 0);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void givenADecisionRolledBack_whenTheStoreLaterReachesThatVersionThroughAnotherInstance_thenNoStaleCopyIsServed() {
        RecentContacts cache = new RecentContacts(10);
        cache.decided("a", 7);
        cache.put("a", "A at 6, decided to 7");
        cache.remove("a");
        cache.put("a", "A at 6, put back by a load that raced the rollback");

        cache.forgetUnlessAt("a", 7);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void givenARollbackThatForgetsEveryContact_whenAllAreRemoved_thenNoneIsServedAndListenersHearOfEach() {
        RecentContacts cache = new RecentContacts(10);
        List<Object> removed = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRemoved(Object key) {
                removed.add(key);
            }
        });
        cache.put("a", "A");
        cache.put("b", "B");

        cache.removeAll();

        assertThat((Object) cache.get("a")).isNull();
        assertThat((Object) cache.get("b")).isNull();
        assertThat(removed).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void givenNoRoomAtAll_whenAContactIsPut_thenNothingIsKept() {
        RecentContacts cache = new RecentContacts(0);

        cache.put("a", "A");

        assertThat(cache.putIfAbsent("a", "A")).isFalse();
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void givenAnEntryRemovedAfterEviction_whenRemovedAgain_thenItReportsNothingRemoved() {
        RecentContacts cache = new RecentContacts(1);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", "A");
        cache.put("b", "B");

        assertThat(cache.remove("a")).isFalse();
        assertThat(expired).containsExactly("a");
        assertThat(cache.remove("b")).isTrue();
    }
}
