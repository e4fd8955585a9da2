package org.mwconform.client;

/** One {@code list=logevents} entry. */
public record LogEvent(long logid, String type, String action, String title, String user, String comment,
                       String timestamp) {
}
