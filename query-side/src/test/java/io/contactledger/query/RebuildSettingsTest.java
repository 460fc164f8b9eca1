package io.contactledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A rebuild's batch bounds are refused at startup where the batches a build holds at once could not fit a heap. */
class RebuildSettingsTest {

    private static final DataSize EIGHT_MB = DataSize.ofMegabytes(8);

    @Test
    void givenBatchSizesWithinTheBound_whenConfigured_thenTheyAreTaken() {
        assertThat(new QuerySideSettings.Rebuild(500, 1, EIGHT_MB).batchSize()).isEqualTo(1);
        assertThat(new QuerySideSettings.Rebuild(500, QuerySideSettings.Rebuild.MAX_BATCH_SIZE, EIGHT_MB).batchSize()).isEqualTo(10_000);
    }

    @Test
    void givenABatchSizePastTheBoundOrNotPositive_whenConfigured_thenStartupIsRefusedWithTheReason() {
        for (int size : new int[] {10_001, 1_000_000, 0, -5}) {
            assertThatThrownBy(() -> new QuerySideSettings.Rebuild(500, size, EIGHT_MB)).as("batch size %d", size)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 10000");
        }
    }

    @Test
    void givenBatchBytesWithinTheBound_whenConfigured_thenTheyAreTaken() {
        assertThat(new QuerySideSettings.Rebuild(500, 1_000, DataSize.ofBytes(1)).batchBytes().toBytes()).isEqualTo(1);
        assertThat(new QuerySideSettings.Rebuild(500, 1_000, DataSize.ofMegabytes(16)).batchBytes().toMegabytes()).isEqualTo(16);
    }

    @Test
    void givenBatchBytesPastTheBoundOrNotPositive_whenConfigured_thenStartupIsRefusedWithTheReason() {
        for (DataSize bytes : new DataSize[] {DataSize.ofMegabytes(17), DataSize.ofGigabytes(1), DataSize.ofBytes(0), DataSize.ofBytes(-1)}) {
            assertThatThrownBy(() -> new QuerySideSettings.Rebuild(500, 1_000, bytes)).as("batch bytes %s", bytes)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-bytes must be between 1B and 16MB");
        }
    }
}
