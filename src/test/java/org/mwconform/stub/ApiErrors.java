package org.mwconform.stub;

import java.util.Map;
import java.util.Set;

import static org.mwconform.stub.StubAnswer.object;

/** The Action API's {@code {"error": {"code", "info", "*"}}}, with the documentation's info texts. */
final class ApiErrors {
    static final String BADTOKEN = "Invalid create account token";
    static final String NOTOKEN = "The token parameter must be set.";
    static final String MUSTPOSTPARAMS =
            "The following parameter was found in the query string, but must be in the POST body: createtoken.";
    static final String MISSINGPARAM = "At least one of the parameters \"createcontinue\" and \"createreturnurl\" is required.";

    private final Set<Mutation> mutations;
    private final String api;

    ApiErrors(Set<Mutation> mutations, String api) {
        this.mutations = mutations;
        this.api = api;
    }

    /** An error of action=createaccount: like any error, unless a FAIL object is put beside it. */
    StubAnswer createAccountError(String code, String info) {
        Map<String, Object> body = body(code, info);
        if (mutations.contains(Mutation.ERROR_BESIDE_RESULT)) {
            body.put("createaccount", object("status", "FAIL", "message", info, "messagecode", code));
        }
        return StubAnswer.json(body);
    }

    StubAnswer error(String code, String info) {
        return StubAnswer.json(body(code, info));
    }

    private Map<String, Object> body(String code, String info) {
        String see = "See " + api + " for API usage. Subscribe to the mediawiki-api-announce mailing list at "
                + "&lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; "
                + "for notice of API deprecations and breaking changes.";
        if (mutations.contains(Mutation.ERROR_WITHOUT_INFO)) {
            return object("error", object("code", code, "*", see));
        }
        String shown = mutations.contains(Mutation.ERROR_INFO_REWORDED) ? "Request rejected (" + code + ")." : info;
        return object("error", object("code", code, "info", shown, "*", see));
    }
}
