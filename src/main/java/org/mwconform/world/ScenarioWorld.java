package org.mwconform.world;

import org.mwconform.accounts.AccountFactory;
import org.mwconform.accounts.FieldStrategies;
import org.mwconform.accounts.FormFiller;
import org.mwconform.accounts.NewAccount;
import org.mwconform.applicability.NotApplicable;
import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.client.ApiTransport;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.CreateAccountOutcome;
import org.mwconform.client.CreateAccountRequest;
import org.mwconform.client.CreateAccountResult;
import org.mwconform.client.Delivery;
import org.mwconform.client.Exchange;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.interactive.BrowserRedirects;
import org.mwconform.client.interactive.FieldStrategy;
import org.mwconform.client.interactive.InteractiveProcedure;
import org.mwconform.client.interactive.TotpFromSecret;
import org.mwconform.client.Visibility;
import org.mwconform.client.WikiUser;
import org.mwconform.client.WriteGuard;
import org.mwconform.conditions.Verifier;
import org.mwconform.deployments.Deployment;
import org.mwconform.secrets.SecretMasker;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything one scenario knows, created fresh for each scenario by PicoContainer and shared by its
 * step classes. Holds no static state: two scenarios never see each other's session or secrets.
 */
public class ScenarioWorld {
    private final RunSettings settings;
    private final SecretMasker masker = new SecretMasker();
    private final Verifier verifier = new Verifier(masker);
    private final AccountFactory accounts;
    private final List<ApiTransport> sessions = new CopyOnWriteArrayList<>();
    /** What may leave for the wiki, shared by every session of the scenario: writes only where the file allows them. */
    private final WriteGuard writeGuard;
    private final List<String> applicabilityEvidence = new ArrayList<>();
    private final MediaWikiApi api;
    /** The same session, answering what the preflight read once for the run from there: for applicability checks. */
    private final MediaWikiApi applicabilityApi;
    private Visibility visibility;
    private final InetAddress clientAddress;
    private final CaptchaSolvers captchas;
    private final FormFiller formFiller;
    private final FieldStrategies fieldStrategies;

    private AuthManagerInfo authManagerInfo;
    private String token;
    private NewAccount account;
    private FormFiller.Filled filled;
    private CreateAccountRequest request;
    private CreateAccountOutcome outcome;
    /** How many exchanges had been recorded when the scenario's own steps began (its applicability decided). */
    private int exchangesBeforeSteps = -1;
    /** The account under test existed before the scenario's request (userexists): a rejection leaves it there. */
    private boolean accountExistedBefore;
    /** Usernames a createaccount of this scenario answered PASS for. */
    private final java.util.Set<String> createdByAPass = new java.util.HashSet<>();
    /** Browser hops, each with how many exchanges the scenario's own session had made before it (to show them in order). */
    private final List<Map.Entry<Integer, Exchange>> browserExchanges = new CopyOnWriteArrayList<>();
    /** Every fresh username (not an account that existed before) a createaccount request of this scenario named. */
    private final java.util.Set<String> freshNames = new java.util.LinkedHashSet<>();
    /** Each fresh name's latest createaccount answer: PASS, FAIL, UI, REDIRECT, RESTART, error or none. */
    private final Map<String, String> lastAnswer = new java.util.HashMap<>();
    /** The fresh name the latest conversation began with (a createcontinue names none). */
    private String conversationName;
    private java.time.Instant firstCreateRequest;
    private boolean judgedByGet;
    private InteractiveProcedure interactive;
    private boolean safeProbe;
    private WikiUser existing;

    public ScenarioWorld() {
        this(RunSettings.current());
    }

    private ScenarioWorld(RunSettings settings) {
        this.settings = settings;
        this.accounts = new AccountFactory(settings.deployment().usernamePrefix(), settings.runId(), masker);
        this.writeGuard = WriteGuard.of(settings.deployment().name(), settings.deployment().writable(), settings.deployment().isLocal());
        this.clientAddress = ClientAddress.forScenario(settings.deployment()).orElse(null);
        this.captchas = CaptchaSolvers.forDeployment(settings.deployment());
        this.fieldStrategies = FieldStrategies.load(Thread.currentThread().getContextClassLoader());
        this.formFiller = new FormFiller(captchas, fieldStrategies);
        this.api = newSession(clientAddress);
        this.applicabilityApi = api.withFacts(settings.facts());
    }

    /** Someone else: another session, and on a local wiki another address, so it uses none of this scenario's quota. */
    public MediaWikiApi newSessionFromAnotherAddress() {
        return newSession(ClientAddress.forScenario(settings.deployment()).orElse(null));
    }

    /** A new anonymous session (its own cookies) from this scenario's own address: the same client, as a wiki counts it per IP. */
    public MediaWikiApi newSessionFromThisAddress() {
        return newSession(clientAddress);
    }

    /** Another anonymous session (its own cookies) against the same wiki, recorded in the same evidence. */
    private MediaWikiApi newSession(InetAddress address) {
        ApiTransport transport = new ApiTransport(settings.deployment().api(), masker, address, settings.deployment().client(),
                settings.breaker(), writeGuard);
        sessions.add(transport);
        return new MediaWikiApi(transport, masker);
    }

    /** The loopback address this scenario speaks from, or null for a remote wiki. */
    public InetAddress clientAddress() {
        return clientAddress;
    }

    /** Step 1 of the documented procedure: the fields authmanagerinfo announces and a createaccount token, for this session and its user. */
    public void fetchFieldsAndToken() {
        authManagerInfo = api.authManagerInfo();
        token = api.createAccountToken().orElse(null);
    }

    public void prepareCreation(NewAccount newAccount) {
        fetchFieldsAndToken();
        account = newAccount;
        filled = fill(authManagerInfo, newAccount, token);
        request = filled.request();
        if (guarded()) {
            // The guard of a probe on a read-only wiki: the username of an account that exists (the wiki
            // refuses it as userexists before any later check), and a retyped password that differs (refused
            // as badretype by the primary provider, the last check before creation). A wiki missing the
            // rejection under test meets one of these instead, and creates nothing.
            useExistingAccount();
        }
    }

    /** This scenario is a {@code @safe-probe}: it expects a rejection that MediaWiki makes before the CAPTCHA. */
    public void safeProbe(boolean isSafeProbe) {
        this.safeProbe = isSafeProbe;
        if (isSafeProbe) {
            writeGuard.allowGuardedProbes();
        }
    }


    /** A safe probe on a wiki the environment does not let us write to: its requests carry the guard. */
    public boolean guarded() {
        return safeProbe && !settings.deployment().writable();
    }

    /** The request names an account that already exists (from list=allusers), as its username. */
    public void useExistingAccount() {
        if (existing == null) {
            String name = api.existingUsername().orElseThrow(() -> new NotApplicable(
                    "list=allusers shows no account whose name MediaWiki would still accept (letters, digits, spaces, hyphens)"));
            existing = api.user(name, true);
        }
        account = new NewAccount(existing.name(), accounts.newPassword());
        if (request != null) {
            request = request.with("username", existing.name()).with("password", account.password())
                    .with("retype", guarded() ? accounts.newPassword() : account.password());
        }
    }

    /** The existing account the request names, as list=users showed it before; null when it names a fresh one. */
    public WikiUser existingAccount() { return existing; }

    /** Fills the announced fields; a CAPTCHA answer is a secret from the moment it exists. */
    public FormFiller.Filled fill(AuthManagerInfo info, NewAccount newAccount, String createToken) {
        FormFiller.Filled result = formFiller.fill(info, newAccount, createToken, returnUrl());
        masker.register(result.request().get(CaptchaChallenge.ANSWER_FIELD));
        return result;
    }

    /**
     * For requests that must get past every check to reach PASS or the FAIL under test. Requests the
     * API rejects before the flow starts (badtoken, ...) do not need every field answered.
     */
    public CreateAccountOutcome submitAnswered(CreateAccountRequest changed) {
        // A probe's rejection comes before the CAPTCHA (MediaWiki: AuthManager::beginAccountCreation checks the
        // username, TitleBlacklist and AbuseFilter test it in testUserForCreation, all before ConfirmEdit's
        // testForAccountCreation), so an unanswerable CAPTCHA does not stop it.
        if (!safeProbe) {
            requireAnswerable(filled);
        }
        return submit(changed, Delivery.POST_BODY);
    }

    /**
     * A request refused for its username alone. On a read-only target it is judged with a GET instead of sent
     * ({@link MediaWikiApi#judgeNameByGet}): no side effect, even on a wiki that lacks the refusal. Elsewhere, and where the
     * wiki answers no cancreate, it is sent like any other ({@link #submitAnswered}).
     */
    public CreateAccountOutcome submitNameProbe(CreateAccountRequest changed) {
        String name = changed.params().get("username");
        if (guarded() && name != null) {
            java.util.Optional<CreateAccountOutcome> judged = api.judgeNameByGet(name);
            if (judged.isPresent()) {
                request = changed;
                outcome = judged.get();
                judgedByGet = true;
                return outcome;
            }
        }
        return submitAnswered(changed);
    }

    /** The latest outcome was judged by a GET, no createaccount request was sent. */
    public boolean judgedByGet() {
        return judgedByGet;
    }

    /**
     * Whether the form can be filled is decided up front ({@code @needs:fillable-form}, from authmanagerinfo);
     * a form that turns unfillable once the scenario has sent requests is an error, not "not applicable".
     */
    public static void requireAnswerable(FormFiller.Filled filled) {
        if (!filled.unanswerable().isEmpty()) {
            throw new CannotGoOn("authmanagerinfo announces required fields that no strategy here can answer: "
                    + String.join(", ", filled.unanswerable()) + " (not announced when the scenario's applicability was decided)");
        }
    }

    /** The scenario sent requests and cannot go on: it could not be judged, an error. */
    public static final class CannotGoOn extends IllegalStateException {
        public CannotGoOn(String message) {
            super(message);
        }
    }

    /**
     * Not applicable, as evidence found by a step: before the scenario's first request that is
     * {@link NotApplicable}; after it, the scenario could not go on ({@link CannotGoOn}).
     */
    public RuntimeException notApplicable(String evidence) {
        return stepRequests() == 0 ? new NotApplicable(evidence)
                : new CannotGoOn("not applicable, but found only after " + stepRequests() + " request(s): " + evidence);
    }

    /** Called once applicability is decided: requests from now on are the scenario's own. */
    public void applicabilityDecided() {
        exchangesBeforeSteps = recorded();
    }

    /** Requests the scenario's steps sent (0 before its applicability was decided). */
    public int stepRequests() {
        return exchangesBeforeSteps < 0 ? 0 : recorded() - exchangesBeforeSteps;
    }

    public void accountExistedBefore(boolean existed) {
        this.accountExistedBefore = existed;
    }

    /**
     * The account under test existed before the latest request: made so by the scenario's setup, or created by
     * an earlier PASS of this scenario (a later userexists for the same name leaves it there, no side effect).
     */
    public boolean accountExistedBefore() {
        return accountExistedBefore || (account != null && createdByAPass.contains(account.username()));
    }

    public CreateAccountOutcome submit(CreateAccountRequest changed, Delivery delivery) {
        request = changed;
        String name = changed.params().get("username");
        if (name == null && changed.params().containsKey("createcontinue")) {
            name = conversationName;  // a createcontinue answers for the name its conversation began with
        } else if (name != null && (existing == null || !existing.name().equals(name))
                && !(accountExistedBefore && account != null && name.equals(account.username()))) {
            freshNames.add(name);
            conversationName = name;
        }
        if (firstCreateRequest == null) {
            firstCreateRequest = java.time.Instant.now();
        }
        outcome = api.createAccount(changed, delivery);
        if (name != null) {
            lastAnswer.put(name, outcome.error() != null ? "error" : outcome.result() == null ? "none" : String.valueOf(outcome.result().status()));
        }
        if (account != null && outcome.result() != null && CreateAccountResult.PASS.equals(outcome.result().status())) {
            createdByAPass.add(account.username());
            if (name != null) {
                createdByAPass.add(name);
            }
        }
        return outcome;
    }

    /**
     * The fresh usernames whose latest createaccount answer was a rejection (FAIL, an error, no createaccount member):
     * no account may exist under them. A name whose conversation passed, or is still open (UI, REDIRECT), is not one.
     */
    public java.util.Set<String> freshNamesRejected() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String name : freshNames) {
            String answer = lastAnswer.get(name);
            if (!createdByAPass.contains(name) && ("FAIL".equals(answer) || "error".equals(answer) || "none".equals(answer))) {
                names.add(name);
            }
        }
        return names;
    }

    /** When the scenario sent its first createaccount request (null: none). */
    public java.time.Instant firstCreateRequest() {
        return firstCreateRequest;
    }

    /** Where the documentation's samples point createreturnurl: the wiki itself. */
    public String returnUrl() {
        return settings.deployment().api().resolve("/").toString();
    }

    /** Requests sent so far: every session's API exchanges and the browser's hops. */
    private int recorded() {
        return sessions.stream().mapToInt(ApiTransport::exchangeCount).sum() + browserExchanges.size();
    }

    public List<Exchange> exchanges() {
        List<Exchange> all = new ArrayList<>();
        List<Exchange> own = sessions.get(0).exchanges();
        int next = 0;
        for (int i = 0; i <= own.size(); i++) {
            // Masked now, like the API's: the codes and states a hop carries are registered when the browser returns.
            while (next < browserExchanges.size() && browserExchanges.get(next).getKey() <= i) {
                Exchange e = browserExchanges.get(next++).getValue();
                all.add(new Exchange(e.purpose(), e.method(), masker.mask(e.url()), e.form(), e.status(), e.contentType(),
                        masker.mask(e.body()), e.millis()));
            }
            if (i < own.size()) {
                all.add(own.get(i));
            }
        }
        sessions.stream().skip(1).forEach(other -> all.addAll(other.exchanges()));
        return all;
    }

    /**
     * The documented procedure for REDIRECT, UI and RESTART, for any provider: a browser of its own (from this
     * scenario's address, its hops in the evidence) and the field strategies (TOTP from an announced secret, then
     * those extensions register).
     */
    public InteractiveProcedure interactive() {
        if (interactive == null) {
            BrowserRedirects browser = new BrowserRedirects(masker, clientAddress,
                    hop -> browserExchanges.add(Map.entry(sessions.get(0).exchangeCount(), hop)));
            // The core's TOTP first, then those extensions register (META-INF/services), as for the form.
            List<FieldStrategy> strategies = new ArrayList<>(List.of(new TotpFromSecret(masker, Clock.systemUTC())));
            strategies.addAll(fieldStrategies.all());
            interactive = new InteractiveProcedure(browser, strategies);
        }
        return interactive;
    }

    /** A step's own createaccount or clientlogin outcome (one sent without {@link #submit}). */
    public void recordOutcome(CreateAccountOutcome recorded) {
        this.outcome = recorded;
    }

    public SecretMasker masker() { return masker; }

    public Deployment deployment() { return settings.deployment(); }
    public MediaWikiApi api() { return api; }

    /** For applicability decisions: the facts read once for the run where they answer, else the wiki. */
    public MediaWikiApi applicabilityApi() { return applicabilityApi; }

    /** The facts the run's preflight read, if any: the evidence behind answers {@link #applicabilityApi} replayed. */
    public org.mwconform.client.WikiFacts facts() { return settings.facts(); }

    /**
     * How long after an answer list=users and list=logevents may take to show what it did: read from the wiki
     * (siteinfo) when applicability is decided, so before the scenario's own first request.
     */
    public Visibility visibility() {
        if (visibility == null) {
            visibility = Visibility.of(applicabilityApi.siteInfo(), settings.patience());
        }
        return visibility;
    }
    public Verifier verifier() { return verifier; }
    public AccountFactory accounts() { return accounts; }
    public CaptchaSolvers captchas() { return captchas; }
    public List<String> applicabilityEvidence() { return applicabilityEvidence; }
    public AuthManagerInfo authManagerInfo() { return authManagerInfo; }
    public void authManagerInfo(AuthManagerInfo info) { this.authManagerInfo = info; }
    public String token() { return token; }
    public void token(String token) { this.token = token; }
    public NewAccount account() { return account; }
    /** The account the wiki should end up with, when it differs from the one requested (normalisation). */
    public void expectAccount(NewAccount expected) { this.account = expected; }
    /**
     * The filled form. A step that reads it before any step filled it says which step must come first (a run checks
     * this from the step catalogue before anything is sent; a plain Cucumber run learns it here).
     */
    public CreateAccountRequest request() {
        if (request == null) {
            throw new CannotGoOn("this step needs the fields and a createaccount token first: put \"Given I have fetched the fields"
                    + " and a createaccount token\" before it (or in the feature's Background)");
        }
        return request;
    }
    public FormFiller.Filled filled() { return filled; }
    public CreateAccountOutcome outcome() { return outcome; }
}
