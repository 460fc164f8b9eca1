package io.contactledger.command.contact;

import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.dispatch.ContactAddressed;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.events.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a contact handles. Each names its contact; the aggregate decides what changes. */
public final class ContactCommands {

    private ContactCommands() {
    }

    /** Every contact command names its contact. */
    public interface ContactCommand extends ContactAddressed {
    }

    public record CreateContact(ContactRef contact, Channel channel, String country, String timezone) implements ContactCommand {
    }

    public record LeaveDetails(@TargetAggregateIdentifier ContactRef contact, DetailsInput details) implements ContactCommand {
    }

    public record LinkCustomerId(@TargetAggregateIdentifier ContactRef contact, String customerId) implements ContactCommand {
    }

    public record AddTag(@TargetAggregateIdentifier ContactRef contact, String tag) implements ContactCommand {
    }

    public record RemoveTag(@TargetAggregateIdentifier ContactRef contact, String tag) implements ContactCommand {
    }

    public record WriteNote(@TargetAggregateIdentifier ContactRef contact, String noteId, String text, String author) implements ContactCommand {
    }

    public record EditNote(@TargetAggregateIdentifier ContactRef contact, String noteId, String text) implements ContactCommand {
    }

    public record DeleteNote(@TargetAggregateIdentifier ContactRef contact, String noteId) implements ContactCommand {
    }

    public record SetCustomField(@TargetAggregateIdentifier ContactRef contact, String key, Object value) implements ContactCommand {
    }

    public record ClearCustomField(@TargetAggregateIdentifier ContactRef contact, String key) implements ContactCommand {
    }
}
