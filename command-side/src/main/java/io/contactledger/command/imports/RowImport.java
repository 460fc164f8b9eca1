package io.contactledger.command.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.contactledger.command.claims.CustomerIdAlreadyLinked;
import io.contactledger.command.claims.CustomerIdClaimed;
import io.contactledger.command.claims.CustomerIdRegistry;
import io.contactledger.command.contact.ContactCommands.AddTag;
import io.contactledger.command.contact.ContactCommands.CreateContact;
import io.contactledger.command.contact.ContactCommands.LeaveDetails;
import io.contactledger.command.contact.ContactCommands.LinkCustomerId;
import io.contactledger.command.contact.ContactCommands.SetCustomField;
import io.contactledger.command.contact.ContactCommands.WriteNote;
import io.contactledger.command.contact.ContactMergedAway;
import io.contactledger.command.contact.ContactState;
import io.contactledger.command.details.Details;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.details.DetailsRules;
import io.contactledger.command.dispatch.ActingAs;
import io.contactledger.command.dispatch.Actor;
import io.contactledger.command.dispatch.Commands;
import io.contactledger.command.fields.CustomFieldCatalog;
import io.contactledger.command.fields.FieldTypeChange;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.notes.NoteNotFound;
import io.contactledger.command.violations.LimitReached;
import io.contactledger.command.violations.RuleViolation;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactStreams;
import io.contactledger.support.idempotency.AfterRollback;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one row of an import: finds or creates its contact and sends the same commands the API
 * would, so the aggregate's rules decide and a value already there records nothing. The row's
 * commands and its recorded outcome share one transaction (a savepoint of the runner's): a row is
 * applied whole, once, or not at all; a refused row leaves nothing but its reason.
 */
@Component
class RowImport {

    private static final List<String> DETAILS = List.of("name", "email", "phone", "country", "timezone");

    private final Commands commands;
    private final ContactMatch match;
    private final ImportStore store;
    private final CustomerIdRegistry claims;
    private final EventStore events;
    private final TransactionTemplate transaction;
    private final List<AfterRollback> afterRollback;
    private final CustomFieldCatalog fields;

    RowImport(Commands commands, ContactMatch match, ImportStore store, CustomerIdRegistry claims, EventStore events,
            PlatformTransactionManager transactions, List<AfterRollback> afterRollback, CustomFieldCatalog fields) {
        this.fields = fields;
        this.commands = commands;
        this.match = match;
        this.store = store;
        this.claims = claims;
        this.events = events;
        // a savepoint inside the runner's transaction for a page of rows, a transaction of its own without one
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.afterRollback = afterRollback;
    }

    RowOutcome run(ImportJob job, String owner, CsvUpload.Row row) {
        Actor actor = new Actor(job.actorKind(), job.actorId(), Channel.IMPORT, job.importId());
        try {
            return transaction.execute(status -> ActingAs.call(actor, () -> apply(job, owner, row)));
        } catch (RowFailed refused) {
            // the row's commands may have reached savepoints, and their contacts the cache
            afterRollback.forEach(AfterRollback::forget);
            transaction.executeWithoutResult(status -> store.recordRow(job.importId(), owner, row.number(), RowOutcome.FAILED,
                    null, null, null, refused.column(), refused.getMessage()));
            return RowOutcome.FAILED;
        } catch (RuntimeException e) {
            afterRollback.forEach(AfterRollback::forget);
            throw e;
        }
    }

    /** Records a row that could not be run at all (it kept failing for reasons of this service's own). */
    void giveUp(ImportJob job, String owner, CsvUpload.Row row, RuntimeException cause) {
        transaction.executeWithoutResult(status -> store.recordRow(job.importId(), owner, row.number(), RowOutcome.FAILED,
                null, null, null, null, "could not be applied (" + cause.getClass().getSimpleName() + "); import it again"));
    }

    private RowOutcome apply(ImportJob job, String owner, CsvUpload.Row row) {
        Map<String, String> values = values(job.columns(), row.cells());
        String workspaceId = job.workspaceId();
        RowCheck.check(workspaceId, values, fields);
        Details keys = matchingDetails(values);
        ContactMatch.Keys lookup = new ContactMatch.Keys(values.get("customerId"), keys.email(), keys.phone(), values.get("contactId"));
        Optional<String> existing = match.find(job.importId(), workspaceId, lookup);
        String contactId = existing.orElseGet(() -> values.getOrDefault("contactId", UUID.randomUUID().toString()));
        ContactRef contact = refused("contactId", () -> new ContactRef(workspaceId, contactId));
        long before = existing.isPresent()
                ? events.lastSequenceNumberFor(ContactStreams.contact(workspaceId, contactId)).orElse(-1L) : -1L;
        long version = before;
        if (existing.isEmpty()) {
            refused("contactId", () -> commands.create(new CreateContact(contact, Channel.IMPORT, null, null)));
            version = 0;
        }
        if (DETAILS.stream().anyMatch(values::containsKey)) {
            DetailsInput details = new DetailsInput(values.get("name"), values.get("email"), values.get("phone"),
                    values.get("country"), values.get("timezone"));
            version = send(null, new LeaveDetails(contact, details));
        }
        String customerId = values.get("customerId");
        if (customerId != null) {
            if (job.linksIds()) {
                version = send("customerId", new LinkCustomerId(contact, customerId));
            } else if (!claims.holderOf(workspaceId, customerId).filter(contactId::equals).isPresent()) {
                throw new RowFailed("customerId", "only an integration key's import links customer IDs;"
                        + " this row's customer ID is not this contact's");
            }
        }
        if (values.containsKey("tags")) {
            for (String tag : values.get("tags").split(";")) {
                if (!tag.isBlank()) {
                    version = send("tags", new AddTag(contact, tag));
                }
            }
        }
        if (values.containsKey("note")) {
            version = send("note", new WriteNote(contact, UUID.randomUUID().toString(), values.get("note"), job.actorId()));
        }
        for (Map.Entry<String, String> cell : values.entrySet()) {
            if (cell.getKey().startsWith(ImportColumns.CUSTOM_FIELD_PREFIX)) {
                String key = cell.getKey().substring(ImportColumns.CUSTOM_FIELD_PREFIX.length());
                version = send(cell.getKey(), new SetCustomField(contact, key, cell.getValue()));
            }
        }
        RowOutcome outcome = existing.isEmpty() ? RowOutcome.CREATED : version > before ? RowOutcome.UPDATED : RowOutcome.UNCHANGED;
        store.recordRow(job.importId(), owner, row.number(), outcome, contactId, keys.email(), keys.phone(), null, null);
        return outcome;
    }

    /** The row's non-blank cells by column; a row of another width than the header is refused. */
    private static Map<String, String> values(List<String> columns, List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new RowFailed(null, "has " + cells.size() + " values; the header has " + columns.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String cell = cells.get(i);
            if (cell != null && !cell.isBlank()) {
                values.put(columns.get(i), cell.strip());
            }
        }
        return values;
    }

    /** The row's email and phone as the store keeps them, for matching; a value the rules refuse matches nothing. */
    private static Details matchingDetails(Map<String, String> values) {
        String email = null;
        String phone = null;
        try {
            email = DetailsRules.normalize(new DetailsInput(null, values.get("email"), null, null, null), null).email();
        } catch (RulesBroken ignored) {
            // refused with its reason when the details are sent
        }
        try {
            phone = DetailsRules.normalize(new DetailsInput(null, null, values.get("phone"), values.get("country"), null), null).phone();
        } catch (RulesBroken ignored) {
            // a local number without a country, or a wrong one: refused or resolved when the details are sent
        }
        return new Details(null, email, phone, null, null);
    }

    private long send(String column, Object command) {
        return refused(column, () -> commands.<ContactState>send(command)).version();
    }

    /** Runs a step; a refusal by the rules becomes the row's failure, naming the column it came from. */
    private static <T> T refused(String column, Supplier<T> step) {
        try {
            return step.get();
        } catch (RulesBroken broken) {
            RuleViolation first = broken.violations().get(0);
            String named = column != null ? column : DETAILS.contains(first.field()) ? first.field() : null;
            String message = broken.violations().stream().map(v -> (column == null ? v.field() + " " : "") + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse("refused");
            throw new RowFailed(named, column == null ? message : first.message());
        } catch (CustomerIdClaimed | CustomerIdAlreadyLinked | LimitReached | NoteNotFound | FieldTypeChange
                | ContactMergedAway e) {
            throw new RowFailed(column, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new RowFailed(column, "is not a value this field takes");
        }
    }
}
