package org.mwconform.client;

/** The Action API's {@code {"error": {"code", "info"}}}: the request was rejected before any flow started. */
public record ApiError(String code, String info) {
}
