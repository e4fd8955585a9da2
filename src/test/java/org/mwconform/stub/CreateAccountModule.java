package org.mwconform.stub;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.mwconform.stub.StubAnswer.object;

/**
 * {@code action=createaccount} as the documentation describes it: first the request checks of the error
 * table (mustpostparams, notoken, badtoken, missingparam), then the flow, which ends in PASS or FAIL.
 */
final class CreateAccountModule {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[a-z0-9-]+(\\.[a-z0-9-]+)*$");

    private final WikiState state;
    private final Set<Mutation> mutations;
    private final ApiErrors errors;

    CreateAccountModule(WikiState state, Set<Mutation> mutations, ApiErrors errors) {
        this.state = state;
        this.mutations = mutations;
        this.errors = errors;
    }

    StubAnswer handle(StubRequest request) {
        if (mutations.contains(Mutation.CREATEACCOUNT_HTML_500)) {
            return StubAnswer.html(500, "Internal error");
        }
        Optional<StubAnswer> rejection = rejection(request);
        if (rejection.isPresent()) {
            if (mutations.contains(Mutation.REJECTION_CREATES_ACCOUNT) && request.has("username")) {
                create(request.param("username"));
            }
            return rejection.get();
        }
        return flow(request);
    }

    /** The checks of the module and of api.php itself, before any account creation starts. */
    private Optional<StubAnswer> rejection(StubRequest request) {
        boolean tokenInQuery = request.query().containsKey("createtoken");
        if (!request.isPost() && !mutations.contains(Mutation.ACCEPTS_GET)) {
            return Optional.of(tokenInQuery && !mutations.contains(Mutation.GET_AS_MUSTBEPOSTED)
                    ? errors.createAccountError("mustpostparams", ApiErrors.MUSTPOSTPARAMS)
                    : errors.createAccountError("mustbeposted", "The \"createaccount\" module requires a POST request."));
        }
        if (request.isPost() && tokenInQuery && !mutations.contains(Mutation.TOKEN_IN_QUERY_ACCEPTED)) {
            return Optional.of(errors.createAccountError("mustpostparams", ApiErrors.MUSTPOSTPARAMS));
        }
        String token = request.param("createtoken");
        if (token == null || token.isEmpty()) {
            return Optional.of(mutations.contains(Mutation.NOTOKEN_AS_MISSINGPARAM)
                    ? errors.createAccountError("missingparam", "The \"createtoken\" parameter must be set.")
                    : errors.createAccountError("notoken", ApiErrors.NOTOKEN));
        }
        if (!token.equals(request.session().createAccountToken()) && !mutations.contains(Mutation.ACCEPTS_FORGED_TOKEN)) {
            return Optional.of(errors.createAccountError("badtoken", ApiErrors.BADTOKEN));
        }
        if (!request.has("createreturnurl") && !request.has("createcontinue")
                && !mutations.contains(Mutation.MISSINGPARAM_IGNORED)) {
            return Optional.of(errors.createAccountError("missingparam", ApiErrors.MISSINGPARAM));
        }
        return Optional.empty();
    }

    /** A wiki without authentication extensions: one step, PASS or FAIL. */
    private StubAnswer flow(StubRequest request) {
        String username = request.param("username");
        String password = request.param("password");
        String email = request.param("email");
        if (username == null || username.isBlank() || password == null || mutations.contains(Mutation.NO_CREATE_FIELDS)) {
            return fail(request, "authmanager-create-no-primary", "The supplied credentials could not be used for account creation.");
        }
        if (!Objects.equals(password, request.param("retype")) && !mutations.contains(Mutation.IGNORES_RETYPE)) {
            return mutations.contains(Mutation.BADRETYPE_WRONG_CODE)
                    ? fail(request, "badpassword", "The password you entered is not valid.")
                    : fail(request, "badretype", "The passwords you entered do not match.");
        }
        if (state.user(username).isPresent()) {
            return mutations.contains(Mutation.USEREXISTS_PASSES)
                    ? pass(username)
                    : fail(request, "userexists", "Username entered already in use.\nPlease choose a different name.");
        }
        if (checksEmail(request) && !EMAIL.matcher(email).matches()) {
            return fail(request, "invalidemailaddress", "The email address cannot be accepted as it appears to have an invalid "
                    + "format.\nPlease enter a well-formatted address or empty that field.");
        }
        if (mutations.contains(Mutation.PASS_CREATES_NOTHING)) {
            return pass(username);
        }
        if (!create(username)) {
            return fail(request, "userexists", "Username entered already in use.\nPlease choose a different name.");
        }
        return pass(username);
    }

    private boolean checksEmail(StubRequest request) {
        String email = request.param("email");
        if (email == null || email.isEmpty() || mutations.contains(Mutation.EMAIL_UNCHECKED)) {
            return false;
        }
        return !mutations.contains(Mutation.EMAIL_NEEDS_REALNAME) || request.params().containsKey("realname");
    }

    /** Stores the user and its newusers entry; false when the name was taken meanwhile. */
    private boolean create(String username) {
        Optional<WikiState.User> user = state.createUser(username);
        if (user.isEmpty()) {
            return false;
        }
        if (!mutations.contains(Mutation.NO_LOG_ENTRY)) {
            String performer = mutations.contains(Mutation.LOG_WRONG_PERFORMER) ? "MediaWiki default" : user.get().name();
            state.logCreation(user.get(), performer);
            if (mutations.contains(Mutation.LOG_DUPLICATED)) {
                state.logCreation(user.get(), performer);
            }
        }
        return true;
    }

    private StubAnswer pass(String username) {
        String shown = mutations.contains(Mutation.PASS_WRONG_USERNAME) ? "Someone else" : WikiState.canonical(username);
        return StubAnswer.json(object("createaccount", object("status", "PASS", "username", shown)));
    }

    private StubAnswer fail(StubRequest request, String messagecode, String message) {
        if (mutations.contains(Mutation.FAIL_CREATES_ACCOUNT) && request.has("username")) {
            create(request.param("username"));
        }
        Map<String, Object> result = object("status", "FAIL");
        if (!mutations.contains(Mutation.FAIL_WITHOUT_MESSAGE)) {
            result.put("message", message);
        }
        result.put("messagecode", messagecode);
        return StubAnswer.json(object("createaccount", result));
    }
}
