package io.contactledger.command.fields;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.command.violations.LimitReached;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.CustomFieldDefined;
import io.contactledger.events.FieldType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefiningCustomFieldsTest {

    private static final String WS = "demo";
    private AggregateTestFixture<WorkspaceCustomFields> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkspaceCustomFields.class);
    }

    @Test
    void theFirstDefinitionCreatesTheWorkspacesFields() {
        fixture.givenNoPriorActivity()
                .when(new DefineCustomField(WS, "student_id", " Student ID ", FieldType.TEXT, null))
                .expectEvents(new CustomFieldDefined(WS, "student_id", "Student ID", FieldType.TEXT, List.of()));
    }

    @Test
    void aFieldCanBeRelabelledButNeverChangeType() {
        fixture.given(new CustomFieldDefined(WS, "seats", "Seats", FieldType.NUMBER, List.of()))
                .when(new DefineCustomField(WS, "seats", "Licensed seats", FieldType.NUMBER, List.of()))
                .expectEvents(new CustomFieldDefined(WS, "seats", "Licensed seats", FieldType.NUMBER, List.of()));
        fixture.given(new CustomFieldDefined(WS, "seats", "Seats", FieldType.NUMBER, List.of()))
                .when(new DefineCustomField(WS, "seats", "Seats", FieldType.TEXT, List.of()))
                .expectException(FieldTypeChange.class).expectNoEvents();
    }

    @Test
    void definingTheSameFieldAgainChangesNothing() {
        fixture.given(new CustomFieldDefined(WS, "seats", "Seats", FieldType.NUMBER, List.of()))
                .when(new DefineCustomField(WS, "seats", "Seats", FieldType.NUMBER, null))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void keysAreLowerSnakeCaseAndNotBasicInformationNames() {
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "Student", "S", FieldType.TEXT, null))
                .expectException(RulesBroken.class);
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "1st", "S", FieldType.TEXT, null))
                .expectException(RulesBroken.class);
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "email", "Email", FieldType.EMAIL, null))
                .expectException(RulesBroken.class);
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "a" + "b".repeat(64), "S", FieldType.TEXT, null))
                .expectException(RulesBroken.class);
    }

    @Test
    void listFieldsNeedAtLeastTwoDistinctOptionsAndOthersNone() {
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "plan", "Plan", FieldType.LIST, List.of("free")))
                .expectException(RulesBroken.class);
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "plan", "Plan", FieldType.LIST, List.of("a", "a")))
                .expectException(RulesBroken.class);
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "seats", "Seats", FieldType.NUMBER, List.of("1", "2")))
                .expectException(RulesBroken.class);
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "plan", "Plan", FieldType.LIST, List.of("free", "pro")))
                .expectEvents(new CustomFieldDefined(WS, "plan", "Plan", FieldType.LIST, List.of("free", "pro")));
    }

    @Test
    void aFieldNeedsALabelAndAType() {
        fixture.givenNoPriorActivity().when(new DefineCustomField(WS, "seats", " ", null, null))
                .expectException(RulesBroken.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("label"), org.hamcrest.Matchers.containsString("type")));
    }

    @Test
    void aWorkspaceHasAtMostOneHundredFields() {
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            history.add(new CustomFieldDefined(WS, "f" + i, "F" + i, FieldType.TEXT, List.of()));
        }
        fixture.given(history).when(new DefineCustomField(WS, "one_more", "One more", FieldType.TEXT, null))
                .expectException(LimitReached.class);
        fixture.given(history).when(new DefineCustomField(WS, "f3", "Renamed", FieldType.TEXT, null))
                .expectEvents(new CustomFieldDefined(WS, "f3", "Renamed", FieldType.TEXT, List.of()));
    }
}
