package org.mwconform.mutate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One deliberate defect injected between the harness and a real wiki: it may rewrite the request on its way
 * in, and the JSON answer on its way out. A scenario that checks the behaviour it breaks must turn red.
 */
public interface Mutant {
    /** A stable name, for the table and {@code --mutant}. */
    String name();

    /** What a wiki with this defect does, in a sentence. */
    String description();

    /** Rewrites the request before it reaches the wiki (most mutants leave it). */
    default void request(ProxiedRequest request) {
    }

    /** Rewrites the wiki's JSON answer in place (most mutants touch one kind of request only). */
    default void answer(ProxiedRequest request, ObjectNode answer) {
    }
}
