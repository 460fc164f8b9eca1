package io.contactledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A rebuild's batch size is refused at startup where the batches a build holds at once could not fit a heap. */
class RebuildSettingsTest {

    @Test
    void givenBatchSizesWithinTheBound_whenConfigured_thenTheyAreTaken() {
        assertThat(new QuerySideSettings.Rebuild(500, 1).batchSize()).isEqualTo(1);
        assertThat(new QuerySideSettings.Rebuild(500, QuerySideSettings.Rebuild.MAX_BATCH_SIZE).batchSize()).isEqualTo(10_000);
    }

    @Test
    void givenABatchSizePastTheBoundOrNotPositive_whenConfigured_thenStartupIsRefusedWithTheReason() {
        for (int size : new int[] {10_001, 1_000_000, 0, -5}) {
            assertThatThrownBy(() -> new QuerySideSettings.Rebuild(500, size)).as("batch size %d", size)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 10000");
        }
    }
}
