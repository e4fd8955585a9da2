package org.mwconform.client;

/** What one createaccount POST produced: either a flow result or a top-level API error. */
public record CreateAccountOutcome(ApiResponse response, CreateAccountResult result, ApiError error) {
}
