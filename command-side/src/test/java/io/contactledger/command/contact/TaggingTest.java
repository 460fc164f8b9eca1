package io.contactledger.command.contact;

import static io.contactledger.command.contact.ContactFixtures.C1;
import static io.contactledger.command.contact.ContactFixtures.ID;
import static io.contactledger.command.contact.ContactFixtures.WS;
import static io.contactledger.command.contact.ContactFixtures.created;
import static io.contactledger.command.contact.ContactFixtures.fixture;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.command.contact.ContactCommands.AddTag;
import io.contactledger.command.contact.ContactCommands.RemoveTag;
import io.contactledger.command.violations.LimitReached;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.TagAdded;
import io.contactledger.events.TagRemoved;
import org.junit.jupiter.api.Test;

class TaggingTest {

    @Test
    void tagsAreTrimmedAndLowerCased() {
        fixture().given(created())
                .when(new AddTag(C1, "  Feature-Request "))
                .expectEvents(new TagAdded(WS, ID, "feature-request"));
    }

    @Test
    void addingAPresentTagChangesNothing() {
        fixture().given(created(), new TagAdded(WS, ID, "vip"))
                .when(new AddTag(C1, "VIP"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void removingAnAbsentTagChangesNothing() {
        fixture().given(created())
                .when(new RemoveTag(C1, "vip"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRemovedTagCanBeAddedAgain() {
        fixture().given(created(), new TagAdded(WS, ID, "vip"), new TagRemoved(WS, ID, "vip"))
                .when(new AddTag(C1, "vip"))
                .expectEvents(new TagAdded(WS, ID, "vip"));
    }

    @Test
    void tagsAreShortLabelsOfLettersDigitsSpacesUnderscoresAndDashes() {
        fixture().given(created()).when(new AddTag(C1, "")).expectException(RulesBroken.class);
        fixture().given(created()).when(new AddTag(C1, "a".repeat(51))).expectException(RulesBroken.class);
        fixture().given(created()).when(new AddTag(C1, "no!")).expectException(RulesBroken.class);
        fixture().given(created()).when(new AddTag(C1, null)).expectException(RulesBroken.class);
        fixture().given(created()).when(new AddTag(C1, "big deal_2")).expectEvents(new TagAdded(WS, ID, "big deal_2"));
    }

    @Test
    void aContactHoldsAtMostOneHundredTags() {
        List<Object> history = new ArrayList<>(List.of(created()));
        for (int i = 0; i < 100; i++) {
            history.add(new TagAdded(WS, ID, "t" + i));
        }
        fixture().given(history).when(new AddTag(C1, "one-more")).expectException(LimitReached.class).expectNoEvents();
        fixture().given(history).when(new AddTag(C1, "t7")).expectNoEvents().expectSuccessfulHandlerExecution();
    }
}
