package io.contactledger.command.fields;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;

import io.contactledger.command.violations.LimitReached;
import io.contactledger.events.CustomFieldDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The custom fields of one workspace, event-sourced: the keys, labels, types and options agents may
 * record on contacts. Its first definition creates it.
 */
@Aggregate
public class WorkspaceCustomFields {

    @AggregateIdentifier
    private String workspaceId;
    private final Map<String, FieldDefinition> fields = new HashMap<>();

    protected WorkspaceCustomFields() {
        // for event sourcing and creation on first use
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FieldDefinition handle(DefineCustomField command) {
        FieldDefinition requested = FieldDefinitionRules.check(command.key(), command.label(), command.type(), command.options());
        FieldDefinition current = fields.get(requested.key());
        if (current != null && current.type() != requested.type()) {
            throw new FieldTypeChange(requested.key(), current.type(), requested.type());
        }
        if (current == null && fields.size() >= FieldDefinitionRules.MAX_FIELDS_PER_WORKSPACE) {
            throw new LimitReached("a workspace has at most " + FieldDefinitionRules.MAX_FIELDS_PER_WORKSPACE + " custom fields");
        }
        if (!requested.equals(current)) {
            apply(new CustomFieldDefined(command.workspaceId(), requested.key(), requested.label(), requested.type(),
                    requested.options()));
        }
        return requested;
    }

    @EventSourcingHandler
    void on(CustomFieldDefined event) {
        workspaceId = event.workspaceId();
        fields.put(event.key(), new FieldDefinition(event.key(), event.label(), event.type(), event.options()));
    }
}
