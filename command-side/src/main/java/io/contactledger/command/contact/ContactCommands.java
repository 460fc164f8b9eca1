package io.contactledger.command.contact;

import io.contactledger.command.details.DetailsInput;
import io.contactledger.events.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a contact handles. Each names its contact; the aggregate decides what changes. */
public final class ContactCommands {

    private ContactCommands() {
    }

    public record CreateContact(ContactRef contact, Channel channel, String country, String timezone) {
    }

    public record LeaveDetails(@TargetAggregateIdentifier ContactRef contact, DetailsInput details) {
    }

    public record LinkCustomerId(@TargetAggregateIdentifier ContactRef contact, String customerId) {
    }

    public record AddTag(@TargetAggregateIdentifier ContactRef contact, String tag) {
    }

    public record RemoveTag(@TargetAggregateIdentifier ContactRef contact, String tag) {
    }

    public record WriteNote(@TargetAggregateIdentifier ContactRef contact, String noteId, String text, String author) {
    }

    public record EditNote(@TargetAggregateIdentifier ContactRef contact, String noteId, String text) {
    }

    public record DeleteNote(@TargetAggregateIdentifier ContactRef contact, String noteId) {
    }

    public record SetCustomField(@TargetAggregateIdentifier ContactRef contact, String key, Object value) {
    }

    public record ClearCustomField(@TargetAggregateIdentifier ContactRef contact, String key) {
    }
}
