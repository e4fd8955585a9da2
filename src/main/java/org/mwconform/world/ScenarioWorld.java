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
import org.mwconform.client.Delivery;
import org.mwconform.client.Exchange;
import org.mwconform.client.MediaWikiApi;
import org.mwconform.client.TargetBreaker;
import org.mwconform.conditions.Verifier;
import org.mwconform.deployments.Deployment;
import org.mwconform.secrets.SecretMasker;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
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
    private final List<String> applicabilityEvidence = new ArrayList<>();
    private final MediaWikiApi api;
    private final InetAddress clientAddress;
    private final CaptchaSolvers captchas;
    private final FormFiller formFiller;

    private AuthManagerInfo authManagerInfo;
    private String token;
    private NewAccount account;
    private FormFiller.Filled filled;
    private CreateAccountRequest request;
    private CreateAccountOutcome outcome;

    public ScenarioWorld() {
        this(RunSettings.fromSystemProperties());
    }

    private ScenarioWorld(RunSettings settings) {
        this.settings = settings;
        this.accounts = new AccountFactory(settings.deployment().usernamePrefix(), settings.runId(), masker);
        this.clientAddress = ClientAddress.forScenario(settings.deployment().api()).orElse(null);
        this.captchas = CaptchaSolvers.forDeployment(settings.deployment());
        this.formFiller = new FormFiller(captchas, FieldStrategies.load(Thread.currentThread().getContextClassLoader()));
        this.api = newSession(clientAddress);
    }

    /** Someone else: another session, and on a local wiki another address, so it uses none of this scenario's quota. */
    public MediaWikiApi newSessionFromAnotherAddress() {
        return newSession(ClientAddress.forScenario(settings.deployment().api()).orElse(null));
    }

    /** Another anonymous session (its own cookies) against the same wiki, recorded in the same evidence. */
    private MediaWikiApi newSession(InetAddress address) {
        ApiTransport transport = new ApiTransport(settings.deployment().api(), masker, address, settings.deployment().client(),
                TargetBreaker.fromSystemProperties());
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
    }

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
        requireAnswerable(filled);
        return submit(changed, Delivery.POST_BODY);
    }

    public static void requireAnswerable(FormFiller.Filled filled) {
        if (!filled.unanswerable().isEmpty()) {
            throw new NotApplicable("authmanagerinfo announces required fields that no strategy here can answer: "
                    + String.join(", ", filled.unanswerable()));
        }
    }

    public CreateAccountOutcome submit(CreateAccountRequest changed, Delivery delivery) {
        request = changed;
        outcome = api.createAccount(changed, delivery);
        return outcome;
    }

    /** Where the documentation's samples point createreturnurl: the wiki itself. */
    public String returnUrl() {
        return settings.deployment().api().resolve("/").toString();
    }

    public List<Exchange> exchanges() {
        return sessions.stream().flatMap(s -> s.exchanges().stream()).toList();
    }

    public Deployment deployment() { return settings.deployment(); }
    public MediaWikiApi api() { return api; }
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
    public CreateAccountRequest request() { return request; }
    public FormFiller.Filled filled() { return filled; }
    public CreateAccountOutcome outcome() { return outcome; }
}
