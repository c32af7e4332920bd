package org.supportdesk.adapter.http.json;

import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;

/** What every filing carries, whoever files: subject, description and category required, priority defaulting. */
public record FiledContent(Subject subject, Description description, Category category, Priority priority) {

    /** Reads the four fields, recording every refusal in {@code fields} under the name the client used. */
    public static FiledContent read(
            FieldReader fields, String subject, String description, String category, String priority) {
        return new FiledContent(
                fields.required("subject", fields.read("subject", () -> new Subject(subject))),
                fields.required("description", fields.read("description", () -> new Description(description))),
                fields.required("category", fields.read("category", () -> new Category(category))),
                fields.read("priority", () -> priority == null ? Priority.DEFAULT : Priority.parse(priority))
                        .orElse(null));
    }
}
