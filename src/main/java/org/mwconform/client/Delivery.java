package org.mwconform.client;

/** How a createaccount request is sent: as documented, or in one of the ways the documentation forbids. */
public enum Delivery {
    /** Every parameter in the POST body, as the module requires. */
    POST_BODY,
    /** POST, but createtoken in the query string ("must be in the POST body"). */
    TOKEN_IN_QUERY_STRING,
    /** A GET request ("This module only accepts POST requests"). */
    GET
}
