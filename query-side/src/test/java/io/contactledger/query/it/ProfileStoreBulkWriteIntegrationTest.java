package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactledger.query.profile.ContactProfile;
import io.contactledger.query.profile.ProfileStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many new profiles in one batch (a rebuild's, a replay's) go to PostgreSQL by COPY, whose text
 * format gives tabs, line ends and backslashes a meaning of their own; many updated ones go as
 * arrays, whose literals give quotes, commas, braces and the word NULL one: whatever bytes a
 * visitor typed must come back as they were, and a batch that breaks a key or misses a row must
 * store none of its rows.
 */
class ProfileStoreBulkWriteIntegrationTest extends BothSidesTestBase {

    private static final List<String> ODD = List.of("tab\there", "line\nend", "carriage\rreturn", "back\\slash",
            "\\.", "\\N", "\\", "quote \" and ' apostrophe", "emoji \uD83D\uDE00 and é ß 中文", "trailing space ", "",
            "NULL", "null", "{braces, comma}", "\"{\\\"}\"");

    @Autowired
    ProfileStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void givenFortyNewProfilesWithOddCharacters_whenStoredInOneBatch_thenEachReadsBackAsItWasWithItsTags() {
        List<ContactProfile> profiles = profiles("odd-", 40);

        store.saveAll(profiles.stream().map(p -> new ProfileStore.Replacement(null, p)).toList());

        profiles.forEach(this::assertStoredAsGiven);
    }

    @Test
    void givenStoredProfiles_whenABatchInsertsOneOfThemAgain_thenTheBatchFailsAndStoresNoneOfItsRows() {
        List<ContactProfile> stored = profiles("twice-", 40);
        store.saveAll(stored.stream().map(p -> new ProfileStore.Replacement(null, p)).toList());
        List<ContactProfile> again = new ArrayList<>(profiles("new-", 39));
        again.add(stored.get(17));

        // as the projection and a rebuild write: in a transaction of the batch's own
        assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> store.saveAll(again.stream()
                        .map(p -> new ProfileStore.Replacement(null, p)).toList())))
                .isInstanceOf(RuntimeException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_profile WHERE workspace_id = 'bulk' AND contact_id LIKE 'new-%'")
                .query(Long.class).single()).isZero();
        assertThat(store.find("bulk", stored.get(17).contactId())).contains(stored.get(17));
    }

    @Test
    void givenFortyStoredProfiles_whenOneBatchUpdatesThemWithOddCharacters_thenEachReadsBackAsUpdatedWithItsTags() {
        List<ContactProfile> stored = profiles("upd-", 40);
        store.saveAll(stored.stream().map(p -> new ProfileStore.Replacement(null, p)).toList());
        List<ContactProfile> updated = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            // each profile gets another profile's odd values, loses its first tag and gains one
            ContactProfile before = stored.get(i);
            ContactProfile other = profiles("upd-", 40).get((i + 7) % 40);
            updated.add(new ContactProfile("bulk", before.contactId(), before.type(), other.name(),
                    i % 3 == 0 ? null : other.name() + "@example.com", i % 5 == 0 ? "+1 " + i : null, null, null,
                    other.customerId(), List.of(before.tags().get(1), "new " + other.name()), other.customFields(),
                    List.of(), before.createdAt(), before.updatedAt().plusSeconds(1), before.version() + 3));
        }

        store.saveAll(java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new ProfileStore.Replacement(stored.get(i), updated.get(i))).toList());

        updated.forEach(this::assertStoredAsGiven);
    }

    @Test
    void givenFortyStoredProfiles_whenOneIsGoneBeforeABatchUpdatesThemAll_thenTheBatchFailsAndUpdatesNone() {
        List<ContactProfile> stored = profiles("gone-", 40);
        store.saveAll(stored.stream().map(p -> new ProfileStore.Replacement(null, p)).toList());
        jdbc.sql("DELETE FROM contact_profile WHERE workspace_id = 'bulk' AND contact_id = 'gone-23'").update();
        List<ProfileStore.Replacement> renamed = stored.stream().map(p -> new ProfileStore.Replacement(p,
                new ContactProfile("bulk", p.contactId(), p.type(), "Renamed", p.email(), p.phone(), p.country(), p.timezone(),
                        p.customerId(), List.of(), p.customFields(), p.notes(), p.createdAt(), p.updatedAt(),
                        p.version() + 1))).toList();

        assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> store.saveAll(renamed)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_profile WHERE workspace_id = 'bulk' AND name = 'Renamed'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_tag WHERE workspace_id = 'bulk' AND contact_id LIKE 'gone-%'")
                .query(Long.class).single()).isEqualTo(80L);
    }

    /** The profile's document, its name and email columns and its tag rows hold exactly what it holds. */
    private void assertStoredAsGiven(ContactProfile profile) {
        assertThat(store.find("bulk", profile.contactId())).contains(profile);
        assertThat(jdbc.sql("SELECT name FROM contact_profile WHERE workspace_id = 'bulk' AND contact_id = ?")
                .param(profile.contactId()).query(String.class).single()).isEqualTo(profile.name());
        assertThat(jdbc.sql("SELECT email FROM contact_profile WHERE workspace_id = 'bulk' AND contact_id = ?")
                .param(profile.contactId()).query(String.class).optional()).isEqualTo(java.util.Optional.ofNullable(profile.email()));
        assertThat(jdbc.sql("SELECT tag FROM contact_tag WHERE workspace_id = 'bulk' AND contact_id = ? ORDER BY tag")
                .param(profile.contactId()).query(String.class).list()).isEqualTo(profile.tags().stream().sorted().toList());
    }

    private static List<ContactProfile> profiles(String prefix, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ContactProfile> profiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String odd = ODD.get(i % ODD.size());
            profiles.add(new ContactProfile("bulk", prefix + i,
                    io.contactledger.events.ContactType.GUEST, "Name " + odd, i % 2 == 0 ? null : "e" + i + "@example.com",
                    null, null, null, odd.isEmpty() ? null : "cust\t" + odd, List.of("tag " + odd, "t" + i),
                    Map.of("plan", odd), List.of(), now, now, i));
        }
        return profiles;
    }
}
