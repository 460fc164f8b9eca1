package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.contactledger.support.testing.Http.Response;
import org.junit.jupiter.api.Test;

/**
 * For a few hundred random command sequences, the live profile (projection) equals the profile
 * replayed from the event store at the same version: both go through the one fold.
 */
class LiveAndReplayedProfilesAgreeTest extends BothSidesTestBase {

    private static final int CONTACTS = 200;
    private static final String[] TAGS = {"vip", "bug", "feature-request", "billing"};
    private static final String[] COUNTRIES = {"GB", "DE", "US", "FR", "JP"};

    @Test
    void liveProfilesEqualTheirReplayAtTheLatestVersion() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        adminCommands.put(WS + "/custom-fields/seats", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}");
        List<String> mismatches = new ArrayList<>();

        for (int c = 0; c < CONTACTS; c++) {
            String id = "eq-" + c;
            String path = WS + "/contacts/" + id;
            long version = version(commands.post(WS + "/contacts",
                    "{\"contactId\":\"" + id + "\",\"country\":\"" + COUNTRIES[random.nextInt(COUNTRIES.length)] + "\"}"));
            List<String> notes = new ArrayList<>();
            int steps = 1 + random.nextInt(8);
            for (int s = 0; s < steps; s++) {
                Response response = switch (random.nextInt(9)) {
                    case 0 -> commands.post(path + "/details", "{\"name\":\"Name " + random.nextInt(5) + "\"}");
                    case 1 -> commands.post(path + "/details", "{\"email\":\"e" + random.nextInt(5) + "@example.com\"}");
                    case 2 -> commands.put(path + "/customer-id", "{\"customerId\":\"EQ-" + c + "\"}");
                    case 3 -> commands.post(path + "/tags", "{\"tag\":\"" + TAGS[random.nextInt(TAGS.length)] + "\"}");
                    case 4 -> commands.delete(path + "/tags/" + TAGS[random.nextInt(TAGS.length)]);
                    case 5 -> {
                        Response written = commands.post(path + "/notes", "{\"text\":\"n" + s + "\",\"author\":\"a\"}");
                        notes.add(written.json().get("noteId").asText());
                        yield written;
                    }
                    case 6 -> notes.isEmpty() ? commands.post(path + "/tags", "{\"tag\":\"vip\"}")
                            : commands.put(path + "/notes/" + notes.get(random.nextInt(notes.size())), "{\"text\":\"edit " + s + "\"}");
                    case 7 -> notes.isEmpty() ? commands.delete(path + "/tags/vip")
                            : commands.delete(path + "/notes/" + notes.remove(random.nextInt(notes.size())));
                    default -> commands.put(path + "/custom-fields/seats", "{\"value\":" + random.nextInt(3) + "}");
                };
                version = version(response);
            }

            Response live = queries.get(path + "?minVersion=" + version);
            Response replayed = queries.get(path + "?atVersion=" + version);
            if (live.status() != 200 || !live.json().equals(replayed.json())) {
                mismatches.add(id + " live=" + live + " replayed=" + replayed);
            }
        }

        assertThat(mismatches).as("seed " + seed).isEmpty();
    }
}
