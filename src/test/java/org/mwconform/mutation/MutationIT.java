package org.mwconform.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwconform.cli.Main;
import org.mwconform.mutation.FeatureScenarios.Scenario;
import org.mwconform.stub.Mutation;
import org.mwconform.stub.Setup;
import org.mwconform.stub.StubWiki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that every scenario can fail: the harness runs, in-process, against a {@link StubWiki} that
 * misbehaves on purpose, and the scenarios that check the broken behaviour must turn red while the
 * others stay green. A mutation that leaves the run green is a defect of the harness.
 * <p>
 * The scenarios come from {@code features/} (under {@code -Dmwconform.home}): every {@code @id} the stub can
 * serve must pass on the conforming stub, and must turn red under at least one mutation aimed at it; a
 * scenario the stub cannot serve is listed in {@link #STUB_DOES_NOT_OFFER} with the reason, and must be
 * not-applicable. Which scenarios a mutation turns red, and at which condition, is derived from the
 * scenarios' steps, so a new scenario that uses known steps is covered without editing this class.
 * Each run's environment file and reports stay under target/mutation-it/ for inspection, with a table of
 * every mutation's red scenarios (kills.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath().normalize();
    private static final FeatureScenarios FEATURES = FeatureScenarios.load(HOME.resolve("features"));

    /**
     * Scenarios the stub does not serve, with the reason. On the conforming stub their applicability check
     * must make them not-applicable; the mutation runs leave them out. Everything else in features/ is
     * served, and must pass on the conforming stub.
     */
    private static final Map<String, String> STUB_DOES_NOT_OFFER = notOffered(
            "the stub's createaccount module is enabled (ApiDisabled is local-disabled's)",
            List.of("module-disabled"),
            "the stub grants anonymous visitors the createaccount right (local-closed does not)",
            List.of("anonymous-creation-forbidden"),
            "the stub has no account-creation throttle, and its environment file declares none",
            List.of("throttle-hit", "throttle-message", "throttle-counts-failed-attempts", "throttle-ignores-userexists"),
            "the stub has no users to log in as, and its environment file names no creator credentials",
            List.of("for-someone-else-reason", "for-someone-else-mailpassword", "noemailcreate", "for-someone-else-no-reason",
                    "captcha-skipped-by-right"),
            "the stub has no blocks, and its environment file names no blocker",
            List.of("blocked-address", "message-format-wikitext", "message-format-html", "message-format-default"),
            "the stub has no TitleBlacklist or AbuseFilter, and its environment file declares no refused usernames",
            List.of("titleblacklist-forbidden", "abusefilter-disallowed"),
            "the stub has no temporary accounts: its siteinfo says nothing of autocreatetempuser (ProxyMutationIT kills these on local-temp-1.43)",
            List.of("temp-siteinfo", "temp-reserved-cancreate", "temp-reserved-createaccount", "temp-user-by-edit", "temp-user-authmanagerinfo",
                    "temp-user-creates-account", "temp-account-throttle"));
    /** The scenarios {@link ProxyMutationIT} proves able to fail on the real local wikis instead. */
    static Set<String> notServedByTheStub() {
        return STUB_DOES_NOT_OFFER.keySet();
    }

    /**
     * The interactive conversation (REDIRECT, UI, RESTART and createcontinue's parameters) has mutants of its own
     * in {@link InteractiveMutationIT}, on the stub's INTERACTIVE setup; here they only run on the conforming stub,
     * where those needing a third-party provider are not-applicable and the others pass.
     */
    static final String INTERACTIVE = "@interactive";
    private static final Set<String> SERVED = FEATURES.ids().stream()
            .filter(id -> !STUB_DOES_NOT_OFFER.containsKey(id) && !scenario(id).tagged(INTERACTIVE))
            .collect(Collectors.toCollection(LinkedHashSet::new));

    // --- the steps that tell what a scenario does (their text, as org.mwconform.steps defines them) ------------
    private static final String FETCHES_TOKEN = "I have fetched the fields and a createaccount token";
    private static final String EXISTING_ACCOUNT = "an account that already exists";
    private static final String PASSES = "account creation passes for ";
    /** A FAIL with a messagecode, in either form; only the first also checks the FAIL's shape (its message). */
    private static final Pattern FAILS_WITH = Pattern.compile("account creation fails with messagecode \"([^\"]+)\"(, whatever the form of its message)?");
    private static final Pattern FAILS_WITH_SHAPE = Pattern.compile("account creation fails with messagecode \"([^\"]+)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("the message is the message key \"(.+)\" with its parameters");
    private static final String NO_MESSAGE = "there is no message";
    private static final String REJECTED = "the request is rejected with error code ";
    private static final String NO_ACCOUNT = "no account was created";
    private static final String ACCOUNT_EXISTS = "the account exists";
    private static final String CAPTCHA_DESCRIBED = "authmanagerinfo describes a CAPTCHA with the fields captchaId, captchaInfo and captchaWord";
    private static final String WRONG_CAPTCHA = "I create an account with a wrong answer to the CAPTCHA";
    /** A wrong answer too, for any kind of CAPTCHA (captcha-announced.feature). */
    private static final String UNISSUED_CAPTCHA = "I create an account with an answer to the CAPTCHA that no CAPTCHA issued";
    private static final String SAME_CAPTCHA_AGAIN = "I create the account again, answering the same CAPTCHA correctly";

    /** The answer a scenario expects from createaccount: PASS, or a FAIL's messagecode. */
    private static final String PASS = "PASS";
    private static final String CAPTCHA_FAIL = "captcha-createaccount-fail";
    private static final String NO_PRIMARY = "authmanager-create-no-primary";
    /** MediaWiki answers these in AuthManager::beginAccountCreation, before ConfirmEdit's CAPTCHA (measured). */
    private static final Set<String> BEFORE_THE_CAPTCHA = Set.of("invaliduser", "userexists", "invalidemailaddress");

    // --- groups of served scenarios, derived from their steps ------------------------------------------------
    /** Everything that posts createaccount: it needs a token, and a createaccount that answers JSON. */
    private static final List<String> CREATION = served(s -> s.hasStep(FETCHES_TOKEN) || s.hasStep(EXISTING_ACCOUNT));
    /** Requests the API rejects before the flow: they need no field answered. */
    private static final List<String> REJECTIONS = served(s -> s.hasStepStarting(REJECTED));
    /** Requests that must get past every check to reach their PASS or FAIL: every required field answered. */
    private static final List<String> ANSWERED = CREATION.stream().filter(id -> !REJECTIONS.contains(id)).toList();
    /** Need a CAPTCHA announced: not-applicable on a stub without one. */
    private static final List<String> NEEDS_CAPTCHA = served(s -> s.tagged("@needs:captcha") || s.tagged("@needs:captcha-announced"));

    /**
     * What a scenario must show under a mutation: an outcome (a regular expression over results.json's
     * vocabulary) and, where meaningful, the id of the condition that failed.
     */
    record Expected(String scenario, String outcome, String condition) {
        boolean red() {
            return outcome.equals("failed") || outcome.equals("error");
        }
    }

    /** A stub run: its setup and the mutations it carries. */
    record Run(Setup setup, Set<Mutation> mutations) {
        static Run of(Setup setup, Mutation... mutations) {
            return new Run(setup, Set.of(mutations));
        }

        boolean captcha() {
            return setup == Setup.CAPTCHA;
        }
    }

    /** Mutation: the scenarios it must turn red (and any it may leave otherwise). Every other scenario must stay as on the conforming stub. */
    private static final Map<Mutation, List<Expected>> KILLS = new EnumMap<>(Mutation.class);

    static {
        // --- meta=tokens
        kills(Mutation.TOKEN_NOT_ISSUED, Stream.concat(
                served(s -> s.hasStep("I receive a createaccount token")).stream().map(id -> failed(id, "tokens.createaccount-issued")),
                // The existing account is created without a token first: notoken, not PASS.
                CREATION.stream().map(id -> failed(id, scenario(id).hasStep(FETCHES_TOKEN) ? "tokens.createaccount-issued" : "createaccount.status")))
                .toList());
        kills(Mutation.TOKEN_WITHOUT_SUFFIX, checking("the token has the form of the documentation's example", "tokens.createaccount-format"));

        // --- meta=authmanagerinfo
        // No password request: every creation that gets past the CAPTCHA meets no primary provider.
        kills(Mutation.NO_CREATE_FIELDS, concat(checking("the announced fields include", "authmanagerinfo.fields"),
                answeredInstead(code -> BEFORE_THE_CAPTCHA.contains(code) || CAPTCHA_FAIL.equals(code) ? code : NO_PRIMARY)));
        // Applicability looks at the createaccount right, not at cancreateaccounts: only the scenario that checks it turns red.
        kills(Mutation.NO_CANCREATEACCOUNTS, checking("it says that accounts can be created", "authmanagerinfo.cancreateaccounts"));
        String shape = "each request has an id, a required level, a provider, an account and its fields";
        kills(Mutation.INCOMPLETE_REQUESTS, checking(shape, "authmanagerinfo.request-shape"));
        kills(Mutation.REQUEST_WITHOUT_FIELDS, checking(shape, "authmanagerinfo.request-shape"));
        // username, password and retype are still announced with their types: account creation is unaffected.
        kills(Mutation.FIELD_WITHOUT_TYPE, checking(shape, "authmanagerinfo.request-shape"));

        // --- action=createaccount: rejections
        kills(Mutation.ACCEPTS_FORGED_TOKEN, checking("I create an account with an invalid token", "api.error-code"));
        kills(Mutation.NOTOKEN_AS_MISSINGPARAM, checking("I create an account without a token", "api.error-code"));
        kills(Mutation.MISSING_TOKEN_ACCEPTED, checking("I create an account without a token", "api.error-code"));
        kills(Mutation.TOKEN_IN_QUERY_ACCEPTED, checking("I create an account with the token in the query string", "api.error-code"));
        kills(Mutation.ACCEPTS_GET, checking("I create an account with a GET request", "api.error-code"));
        kills(Mutation.GET_AS_MUSTBEPOSTED, checking("I create an account with a GET request", "api.error-code"));
        kills(Mutation.MISSINGPARAM_IGNORED, checking("I create an account without createreturnurl or createcontinue", "api.error-code"));
        kills(Mutation.RELATIVE_RETURNURL_ACCEPTED, checking("I create an account with a createreturnurl that is not absolute", "api.error-code"));
        kills(Mutation.ERROR_WITHOUT_INFO, REJECTIONS.stream().map(id -> failed(id, "api.error-shape")).toList());
        // Only the scenarios that read the info text see it.
        kills(Mutation.ERROR_INFO_REWORDED, served(s -> s.hasStepStarting("the error information reads")).stream()
                .map(id -> failed(id, "api.error-info")).toList());
        kills(Mutation.ERROR_BESIDE_RESULT, REJECTIONS.stream().map(id -> failed(id, "api.error-shape")).toList());
        kills(Mutation.REJECTION_CREATES_ACCOUNT, served(s -> s.hasStepStarting(REJECTED) && s.hasStep(NO_ACCOUNT)).stream()
                .map(id -> failed(id, "users.no-account")).toList());

        // --- action=createaccount: usernames and passwords
        kills(Mutation.INVALID_USERNAME_ACCEPTED, answeredInstead(code -> code.equals("invaliduser") ? PASS : code));
        // The right FAIL, and the account under the title the name makes ("X#x" is "X"): list=users calls "X#x" invalid
        // whatever the wiki holds, so only a check that looks up the title sees it.
        kills(Mutation.INVALID_USERNAME_STORED_AS_TITLE, served(s -> s.steps().stream().anyMatch(st -> st.matches("I create an account whose username ends in \".*#.*\""))
                && s.hasStep(NO_ACCOUNT)).stream().map(id -> failed(id, "users.no-account")).toList());
        kills(Mutation.USERNAME_NOT_NORMALISED, checking("account creation passes for the normalised username", "createaccount.pass-shape"));
        kills(Mutation.PASSWORD_POLICY_UNCHECKED, answeredInstead(code -> code.equals("passwordincommonlist")
                || code.equals("password-substring-username-match") || code.equals("password-login-forbidden") ? PASS : code));
        kills(Mutation.MISSING_RETYPE_ACCEPTED, answeredInstead(code -> code.equals(NO_PRIMARY) ? PASS : code));
        // wikitext and html are both text; raw and none see the difference.
        kills(Mutation.RAW_MESSAGE_WITHOUT_PARAMS, served(s -> s.hasStepStarting("the message is the message key")).stream()
                .map(id -> failed(id, "createaccount.message-format")).toList());
        kills(Mutation.MESSAGE_FORMAT_IGNORED, served(s -> s.hasStepStarting("the message is the message key") || s.hasStep(NO_MESSAGE))
                .stream().map(id -> failed(id, "createaccount.message-format")).toList());

        // --- ConfirmEdit's CAPTCHA
        // After a wrong answer that passed, the account exists: the same CAPTCHA again meets userexists.
        kills(Mutation.CAPTCHA_ACCEPTS_WRONG_ANSWER, served(s -> s.hasStep(WRONG_CAPTCHA) || s.hasStep(UNISSUED_CAPTCHA)).stream()
                .map(id -> failed(id, scenario(id).hasStep(SAME_CAPTCHA_AGAIN) ? "createaccount.messagecode" : "createaccount.status")).toList());
        kills(Mutation.CAPTCHA_NOT_REQUIRED_WHEN_MISSING, checking("I create an account without answering the CAPTCHA", "createaccount.status"));
        kills(Mutation.CAPTCHA_REUSABLE_AFTER_FAILURE, checking(SAME_CAPTCHA_AGAIN, "createaccount.status"));
        kills(Mutation.CAPTCHA_FIELDS_WRONG_TYPE, checking(CAPTCHA_DESCRIBED, "authmanagerinfo.captcha-request"));
        UnaryOperator<String> failsAtTheCaptcha = code -> BEFORE_THE_CAPTCHA.contains(code) ? code : CAPTCHA_FAIL;
        // A captchaId without a value goes back empty, as a form would send it: the wiki then fails every
        // request at its CAPTCHA, and the scenario that checks the CAPTCHA request is red there first.
        kills(Mutation.CAPTCHA_ID_NOT_SENT, concat(answeredInstead(failsAtTheCaptcha).stream().map(e -> scenario(e.scenario())
                .hasStep(CAPTCHA_DESCRIBED) ? failed(e.scenario(), "authmanagerinfo.captcha-request") : e).toList(),
                served(s -> s.hasStep(CAPTCHA_DESCRIBED)).stream().filter(id -> !CREATION.contains(id))
                        .map(id -> failed(id, "authmanagerinfo.captcha-request")).toList()));
        kills(Mutation.CAPTCHA_REJECTS_RIGHT_ANSWER, answeredInstead(failsAtTheCaptcha));
        // No CAPTCHA announced: the CAPTCHA scenarios do not apply; every other creation that reaches the
        // CAPTCHA fails, since nothing told the client to answer one.
        kills(Mutation.CAPTCHA_DEMANDED_BUT_NOT_ANNOUNCED, concat(
                NEEDS_CAPTCHA.stream().map(id -> new Expected(id, "not-applicable", null)).toList(),
                answeredInstead(failsAtTheCaptcha).stream().filter(e -> !NEEDS_CAPTCHA.contains(e.scenario())).toList()));

        // --- action=createaccount: FAIL
        kills(Mutation.BADRETYPE_WRONG_CODE, answeredInstead(code -> code.equals("badretype") ? "badpassword" : code));
        kills(Mutation.IGNORES_RETYPE, answeredInstead(code -> code.equals("badretype") ? PASS : code));
        kills(Mutation.USEREXISTS_PASSES, answeredInstead(code -> code.equals("userexists") ? PASS : code));
        kills(Mutation.USEREXISTS_UNCHECKED, answeredInstead(code -> code.equals("userexists") ? PASS : code));
        kills(Mutation.EMAIL_UNCHECKED, answeredInstead(code -> code.equals("invalidemailaddress") ? PASS : code));
        kills(Mutation.EMAIL_NEEDS_REALNAME, served(s -> s.hasStepStarting("I create an account with the email address")
                && s.steps().stream().anyMatch(step -> step.contains("no real name"))).stream()
                .map(id -> failed(id, "createaccount.status")).toList());
        kills(Mutation.FAIL_WITHOUT_MESSAGE, firstCheck(Map.of(
                FAILS_WITH_SHAPE.pattern(), "createaccount.fail-shape",
                MESSAGE_KEY.pattern(), "createaccount.message-format")));
        // A FAIL that creates the account: red where the scenario looks for the account, or posts it again.
        kills(Mutation.FAIL_CREATES_ACCOUNT, failCreatesAccount());
        // The same, seen only half a second later: a negative check that looks once, at once, misses it. Where the
        // scenario posts the name again, whether the late account is there yet depends on timing: passed, or red at the
        // side-effect guard (that name's latest answer was a FAIL), never anything else.
        kills(Mutation.FAIL_CREATES_ACCOUNT_LATE, failCreatesAccount().stream()
                .map(e -> scenario(e.scenario()).hasStep(SAME_CAPTCHA_AGAIN) ? new Expected(e.scenario(), "passed|failed", null) : e)
                .toList());

        // --- action=createaccount: PASS and what it leaves behind
        // The existing account was never stored, so the second creation passes too.
        kills(Mutation.PASS_CREATES_NOTHING, served(s -> s.hasStep(EXISTING_ACCOUNT) || s.hasStep(ACCOUNT_EXISTS)).stream()
                .map(id -> failed(id, scenario(id).hasStep(EXISTING_ACCOUNT) ? "createaccount.status" : "users.account-exists")).toList());
        kills(Mutation.PASS_WRONG_USERNAME, served(s -> s.hasStepStarting(PASSES)).stream()
                .map(id -> failed(id, "createaccount.pass-shape")).toList());
        String logged = "the newusers log records its creation";
        kills(Mutation.NO_LOG_ENTRY, checking(logged, "logevents.newusers-create"));
        kills(Mutation.LOG_WRONG_PERFORMER, checking(logged, "logevents.newusers-create"));
        kills(Mutation.LOG_DUPLICATED, checking(logged, "logevents.newusers-create"));

        // --- transport: the target breaks in the middle of a scenario, an error, not a conformance failure
        kills(Mutation.CREATEACCOUNT_HTML_500, CREATION.stream().map(id -> new Expected(id, "error", null)).toList());
    }

    /** Mutations that turn red nearly everything: a scenario only they turn red checks nothing of its own. */
    private static final Set<Mutation> BLANKET = Set.of(Mutation.TOKEN_NOT_ISSUED, Mutation.CREATEACCOUNT_HTML_500);

    /** The conforming stub, with the CAPTCHA: every served scenario passes on it. */
    private static final Run CONFORMING = Run.of(Setup.CAPTCHA, Mutation.NONE);

    /**
     * Stub runs. The mutations of one run touch disjoint scenarios (checked by a test), and do not mask
     * each other, so one harness run serves several of them while each keeps its own assertions; the
     * runs go two at a time (-Dmutation.parallel=N). -Dmutation.isolated=true runs each mutation alone.
     * The CAPTCHA mutations need the CAPTCHA. The VANILLA run is the no-CAPTCHA path: its CAPTCHA scenarios
     * must be not-applicable, with authmanagerinfo's evidence, and everything its mutations do not touch
     * must pass; since it leaves the CAPTCHA scenarios out of reach, its mutations may share a run with
     * ones that touch those.
     */
    private static final List<Run> RUNS = List.of(
            Run.of(Setup.CAPTCHA, Mutation.TOKEN_NOT_ISSUED, Mutation.NO_CANCREATEACCOUNTS),
            Run.of(Setup.CAPTCHA, Mutation.CREATEACCOUNT_HTML_500, Mutation.TOKEN_WITHOUT_SUFFIX, Mutation.INCOMPLETE_REQUESTS),
            Run.of(Setup.CAPTCHA, Mutation.NO_CREATE_FIELDS, Mutation.REJECTION_CREATES_ACCOUNT),
            Run.of(Setup.CAPTCHA, Mutation.CAPTCHA_ID_NOT_SENT, Mutation.ERROR_WITHOUT_INFO, Mutation.FIELD_WITHOUT_TYPE),
            Run.of(Setup.CAPTCHA, Mutation.CAPTCHA_REJECTS_RIGHT_ANSWER, Mutation.ERROR_INFO_REWORDED, Mutation.REQUEST_WITHOUT_FIELDS,
                    Mutation.CAPTCHA_NOT_REQUIRED_WHEN_MISSING),
            Run.of(Setup.CAPTCHA, Mutation.CAPTCHA_DEMANDED_BUT_NOT_ANNOUNCED, Mutation.ERROR_BESIDE_RESULT),
            Run.of(Setup.CAPTCHA, Mutation.PASS_CREATES_NOTHING, Mutation.EMAIL_UNCHECKED, Mutation.BADRETYPE_WRONG_CODE,
                    Mutation.INVALID_USERNAME_ACCEPTED, Mutation.PASSWORD_POLICY_UNCHECKED, Mutation.MISSING_RETYPE_ACCEPTED,
                    Mutation.ACCEPTS_GET, Mutation.USEREXISTS_UNCHECKED),
            Run.of(Setup.VANILLA, Mutation.PASS_WRONG_USERNAME, Mutation.FAIL_WITHOUT_MESSAGE, Mutation.ACCEPTS_FORGED_TOKEN,
                    Mutation.NOTOKEN_AS_MISSINGPARAM, Mutation.TOKEN_IN_QUERY_ACCEPTED, Mutation.MISSINGPARAM_IGNORED),
            Run.of(Setup.CAPTCHA, Mutation.NO_LOG_ENTRY, Mutation.FAIL_CREATES_ACCOUNT,
                    Mutation.USERNAME_NOT_NORMALISED, Mutation.CAPTCHA_FIELDS_WRONG_TYPE, Mutation.GET_AS_MUSTBEPOSTED,
                    Mutation.MISSING_TOKEN_ACCEPTED),
            Run.of(Setup.CAPTCHA, Mutation.LOG_WRONG_PERFORMER, Mutation.CAPTCHA_ACCEPTS_WRONG_ANSWER, Mutation.RELATIVE_RETURNURL_ACCEPTED,
                    Mutation.MESSAGE_FORMAT_IGNORED, Mutation.INVALID_USERNAME_STORED_AS_TITLE),
            Run.of(Setup.CAPTCHA, Mutation.FAIL_CREATES_ACCOUNT_LATE),
            Run.of(Setup.CAPTCHA, Mutation.RAW_MESSAGE_WITHOUT_PARAMS),
            Run.of(Setup.CAPTCHA, Mutation.LOG_DUPLICATED, Mutation.CAPTCHA_REUSABLE_AFTER_FAILURE, Mutation.USEREXISTS_PASSES,
                    Mutation.EMAIL_NEEDS_REALNAME, Mutation.IGNORES_RETYPE));
    /**
     * Each mutation runs alone by default, so no mutation can turn red a scenario another one is aimed at;
     * -Dmutation.isolated=false groups them as in {@link #RUNS} (faster, for development only).
     */
    private static final boolean ISOLATED = !"false".equals(System.getProperty("mutation.isolated"));
    /** The harness's patience (seconds) against the stub: it answers at once, FAIL_CREATES_ACCOUNT_LATE after a second. */
    private static final String PATIENCE = "1.5";
    private static final int PARALLEL = Integer.getInteger("mutation.parallel", 3);
    /** false: start a run only when a test asks for it (to run one test alone, -Dit.test=MutationIT#...). */
    private static final boolean PREFETCH = !"false".equals(System.getProperty("mutation.prefetch"));

    private final Map<Run, CompletableFuture<HarnessRun>> runs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> killed = new ConcurrentHashMap<>();
    private final Map<Mutation, List<String>> red = new ConcurrentHashMap<>();
    private ThreadPoolExecutor pool;
    private Path workDir;
    private String allureHomeBefore;
    private String patienceBefore;
    private long started;

    // --- building the expectations ---------------------------------------------------------------------------

    /** Reason, ids, reason, ids, ...: one entry per id. */
    private static Map<String, String> notOffered(Object... reasonsAndIds) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (int i = 0; i < reasonsAndIds.length; i += 2) {
            String reason = (String) reasonsAndIds[i];
            for (Object id : (List<?>) reasonsAndIds[i + 1]) {
                byId.put((String) id, reason);
            }
        }
        return Map.copyOf(byId);
    }

    private static void kills(Mutation mutation, List<Expected> expected) {
        KILLS.put(mutation, expected);
    }

    private static Expected failed(String scenario, String condition) {
        return new Expected(scenario, "failed", condition);
    }

    private static Scenario scenario(String id) {
        return FEATURES.get(id);
    }

    private static List<String> served(Predicate<Scenario> which) {
        return FEATURES.ids(which).stream().filter(SERVED::contains).toList();
    }

    /** Every served scenario with this step turns red at this condition. */
    private static List<Expected> checking(String step, String condition) {
        return served(s -> s.hasStep(step)).stream().map(id -> failed(id, condition)).toList();
    }

    private static List<Expected> concat(List<Expected> a, List<Expected> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * Where a wiki answers createaccount requests otherwise: {@code instead} maps the answer a check of the
     * scenario expects (PASS, or a FAIL's messagecode) to the one the mutated stub gives. Each served
     * scenario turns red at the first check that sees a difference; one whose checks all hold stays green.
     * The existing account of "an account that already exists" expects PASS.
     */
    private static List<Expected> answeredInstead(UnaryOperator<String> instead) {
        List<Expected> expected = new ArrayList<>();
        for (String id : ANSWERED) {
            firstDifference(scenario(id), instead).ifPresent(condition -> expected.add(failed(id, condition)));
        }
        return expected;
    }

    private static Optional<String> firstDifference(Scenario s, UnaryOperator<String> instead) {
        if (s.hasStep(EXISTING_ACCOUNT) && !PASS.equals(instead.apply(PASS))) {
            return Optional.of("createaccount.status");
        }
        for (String step : s.steps()) {
            Matcher fails = FAILS_WITH.matcher(step);
            Matcher key = MESSAGE_KEY.matcher(step);
            if (step.startsWith(PASSES) && !PASS.equals(instead.apply(PASS))) {
                return Optional.of("createaccount.status");
            } else if (fails.matches() && !fails.group(1).equals(instead.apply(fails.group(1)))) {
                return Optional.of(PASS.equals(instead.apply(fails.group(1))) ? "createaccount.status" : "createaccount.messagecode");
            } else if (key.matches() && !key.group(1).equals(instead.apply(key.group(1)))) {
                return Optional.of("createaccount.message-format");
            }
        }
        return Optional.empty();
    }

    private static List<Expected> failCreatesAccount() {
        return served(s -> s.steps().stream().anyMatch(st -> FAILS_WITH.matcher(st).matches())
                && (s.hasStep(NO_ACCOUNT) || s.hasStep(SAME_CAPTCHA_AGAIN))).stream()
                // Where the scenario posts the account again, it stops at userexists first; the account a FAIL
                // created is still what its result names (the side-effect guard, never a deviation).
                .map(id -> failed(id, "users.no-account"))
                .toList();
    }

    /** Each served scenario turns red at the first of its steps that matches one of these (regex to condition). */
    private static List<Expected> firstCheck(Map<String, String> conditionByStep) {
        List<Expected> expected = new ArrayList<>();
        for (String id : SERVED) {
            scenario(id).steps().stream()
                    .flatMap(step -> conditionByStep.entrySet().stream().filter(e -> step.matches(e.getKey())).map(Map.Entry::getValue))
                    .findFirst().ifPresent(condition -> expected.add(failed(id, condition)));
        }
        return expected;
    }

    // --- the tests ----------------------------------------------------------------------------------------

    @BeforeAll
    void setUp() throws IOException {
        started = System.nanoTime();
        workDir = HOME.resolve("target").resolve("mutation-it");
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        // The Allure page costs seconds per run and proves nothing here: point the harness at no generator.
        allureHomeBefore = System.getProperty("mwconform.allureHome");
        patienceBefore = System.getProperty("mwconform.patience");
        System.setProperty("mwconform.patience", PATIENCE);
        System.setProperty("mwconform.allureHome", workDir.resolve("no-allure").toString());
        // Start every stub run now, PARALLEL at a time, longest first; each test waits for the one it needs.
        pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(Math.max(1, PARALLEL));
        if (PREFETCH) {
            List<Run> all = new ArrayList<>(List.of(CONFORMING));
            all.addAll(ISOLATED ? isolatedRuns() : RUNS);
            all.sort(Comparator.comparing(run -> !waitsForPatience(run)));
            all.forEach(this::harnessRun);
        }
    }

    @AfterAll
    void tearDown() throws IOException, InterruptedException {
        // Runs no test asked for (a filtered run) are dropped; a started one finishes, leaving no scenario running behind.
        pool.getQueue().clear();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (allureHomeBefore == null) {
            System.clearProperty("mwconform.allureHome");
        } else {
            System.setProperty("mwconform.allureHome", allureHomeBefore);
        }
        if (patienceBefore == null) {
            System.clearProperty("mwconform.patience");
        } else {
            System.setProperty("mwconform.patience", patienceBefore);
        }
        writeKillTable();
        long k = killed.values().stream().filter(b -> b).count();
        List<String> survivors = new TreeMap<>(killed).entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        System.out.println("mutation score: " + k + " of " + killed.size() + " mutants killed"
                + (survivors.isEmpty() ? "" : " (survived: " + String.join(", ", survivors) + ")")
                + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
    }

    @Test
    void theScenariosComeFromTheFeatures() {
        assertThat(FEATURES.ids()).as("scenario ids of %s", HOME.resolve("features")).isNotEmpty();
        assertThat(FEATURES.ids()).as("scenarios the stub does not offer must exist in features/")
                .containsAll(STUB_DOES_NOT_OFFER.keySet());
        assertThat(STUB_DOES_NOT_OFFER.values()).as("reasons").allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void everyMutationHasItsExpectationsAndARun() {
        Set<Mutation> stubMutations = Stream.of(Mutation.values())
                .filter(m -> m != Mutation.NONE && m != Mutation.HTML_500 && m != Mutation.HTML_200)
                .collect(Collectors.toSet());
        assertThat(KILLS.keySet()).as("mutations with expected kills").containsExactlyInAnyOrderElementsOf(stubMutations);
        assertThat(RUNS.stream().flatMap(r -> r.mutations().stream()).toList()).as("mutations over all runs, each once")
                .containsExactlyInAnyOrderElementsOf(stubMutations);
        for (Run run : RUNS) {
            List<String> touched = run.mutations().stream().flatMap(m -> expected(run, m).stream()).map(Expected::scenario).toList();
            assertThat(touched).as("scenarios touched by the mutations of run %s", run).doesNotHaveDuplicates();
            assertThat(run.mutations()).as("mutations of the VANILLA run %s", run)
                    .allSatisfy(m -> assertThat(m.needsCaptcha() && !run.captcha()).as("%s needs the CAPTCHA", m).isFalse());
        }
        KILLS.forEach((m, expected) -> assertThat(expected).as("expectations of %s", m)
                .anyMatch(Expected::red)
                .allSatisfy(e -> assertThat(SERVED).as("scenarios the stub serves").contains(e.scenario())));
    }

    /** A scenario nothing but a dead token or a broken server turns red would escape the mutation tests. */
    @Test
    void everyServedScenarioIsTurnedRedByAMutationAimedAtIt() {
        Set<String> reddened = KILLS.entrySet().stream().filter(e -> !BLANKET.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).filter(Expected::red).map(Expected::scenario).collect(Collectors.toSet());
        assertThat(SERVED).as("served scenarios that no mutation (but %s) turns red; add a Mutation to the stub", BLANKET)
                .allSatisfy(id -> assertThat(reddened).as(id).contains(id));
    }

    @Test
    void conformingStubPassesEverything() {
        HarnessRun run = harnessRun(CONFORMING).join();
        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.OK);
        assertThat(run.outcomes()).as("outcome by scenario; %s", run)
                .containsOnlyKeys(FEATURES.ids())
                .allSatisfy((id, outcome) -> assertThat(outcome).as("%s (%s)", id, reason(run.result(id))).isEqualTo(baseline(CONFORMING, id)));
        assertThat(run.deployment().path("counts").path("error").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Mutation.class, mode = EnumSource.Mode.EXCLUDE, names = {"NONE", "HTML_500", "HTML_200"})
    void eachMutationTurnsItsScenariosRed(Mutation mutation) {
        Run group = runOf(mutation);
        HarnessRun run = harnessRun(group).join();
        List<Expected> expected = expected(group, mutation);

        red.put(mutation, expected.stream().filter(e -> !isGreen(run.outcomes().get(e.scenario())))
                .map(e -> e.scenario() + " @ " + run.result(e.scenario()).path("condition").asText(run.outcomes().get(e.scenario())))
                .toList());
        // A kill counts only where it was aimed: the expected scenario, red with the expected outcome at the expected condition.
        killed.put(mutation.name(), expected.stream().filter(Expected::red).anyMatch(e -> killedAsExpected(run, e)));

        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.UNEXPECTED_RESULT);
        for (Expected e : expected) {
            JsonNode result = run.result(e.scenario());
            assertThat(result).as("result of %s; %s", e.scenario(), run).isNotNull();
            assertThat(result.path("outcome").asText()).as("outcome of %s (%s); %s", e.scenario(), reason(result), run)
                    .matches(e.outcome());
            if (e.condition() != null) {
                assertThat(result.path("condition").asText(null)).as("failing condition of %s (%s)", e.scenario(), reason(result))
                        .isEqualTo(e.condition());
            }
        }
        Set<String> touched = touched(group);
        Map<String, String> untouched = new LinkedHashMap<>(run.outcomes());
        untouched.keySet().removeAll(touched);
        assertThat(untouched).as("scenarios no mutation of %s touches; %s", group, run)
                .containsOnlyKeys(SERVED.stream().filter(s -> !touched.contains(s)).toList())
                .allSatisfy((id, outcome) -> assertThat(outcome).as("%s (%s)", id, reason(run.result(id))).isEqualTo(baseline(group, id)));
        if (!group.captcha()) {
            assertThat(NEEDS_CAPTCHA).as("CAPTCHA scenarios without a CAPTCHA").allSatisfy(id -> assertThat(reason(run.result(id)))
                    .as("evidence of %s", id).contains("announces no CaptchaAuthenticationRequest"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Mutation.class, names = {"HTML_500", "HTML_200"})
    void aTargetThatIsNotApiPhpIsOneError(Mutation mutation) {
        HarnessRun run;
        try (StubWiki stub = StubWiki.start(Setup.VANILLA, mutation)) {
            run = runHarness("stub-" + mutation.slug(), stub.api(), "StubWiki with " + mutation + ": tests the harness");
        }
        killed.put(mutation.name(), false);
        assertOneError(run);
        killed.put(mutation.name(), true);
    }

    @Test
    void aDeadPortIsOneError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI api = URI.create("http://127.0.0.1:" + port + "/api.php");
        HarnessRun run = runHarness("stub-dead-port", api, "nothing listens on this port");
        assertOneError(run);
    }

    private static void assertOneError(HarnessRun run) {
        assertThat(run.exitCode()).as("exit code; %s", run).isEqualTo(Main.UNEXPECTED_RESULT);
        JsonNode results = run.deployment().path("results");
        assertThat(results.size()).as("results of the deployment; %s", run).isEqualTo(1);
        JsonNode only = results.get(0);
        assertThat(only.path("outcome").asText()).as("outcome; %s", run).isEqualTo("error");
        String reason = only.path("reason").asText();
        assertThat(reason).as("the error's reason")
                .contains(run.api().toString())
                .doesNotContain("\n", "\r", "\tat ");
    }

    // --- what each run must show ----------------------------------------------------------------------------

    /** The outcome of a scenario no mutation of the run touches: as on the conforming stub of that setup. */
    private static String baseline(Run run, String id) {
        if (scenario(id).tagged(INTERACTIVE)) {
            return scenario(id).tags().stream().anyMatch(InteractiveMutationIT::needsThirdParty) ? "not-applicable" : "passed";
        }
        if (STUB_DOES_NOT_OFFER.containsKey(id) || (!run.captcha() && NEEDS_CAPTCHA.contains(id))) {
            return "not-applicable";
        }
        return "passed";
    }

    /** A mutation's expectations in a run: without the CAPTCHA, the CAPTCHA scenarios are out of its reach. */
    private static List<Expected> expected(Run run, Mutation mutation) {
        return KILLS.get(mutation).stream().filter(e -> run.captcha() || !NEEDS_CAPTCHA.contains(e.scenario())).toList();
    }

    private static Set<String> touched(Run run) {
        return run.mutations().stream().flatMap(m -> expected(run, m).stream()).map(Expected::scenario).collect(Collectors.toSet());
    }

    private static Run runOf(Mutation mutation) {
        Run group = RUNS.stream().filter(g -> g.mutations().contains(mutation)).findFirst().orElseThrow();
        return ISOLATED ? new Run(group.setup(), Set.of(mutation)) : group;
    }

    private static List<Run> isolatedRuns() {
        return RUNS.stream().flatMap(g -> g.mutations().stream().map(m -> new Run(g.setup(), Set.of(m)))).toList();
    }

    /** Runs with a mutation that makes a check wait out the harness's patience (10 s) for an account or log entry. */
    private static boolean waitsForPatience(Run run) {
        return run.mutations().contains(Mutation.PASS_CREATES_NOTHING) || run.mutations().contains(Mutation.NO_LOG_ENTRY)
                || run.mutations().contains(Mutation.FAIL_CREATES_ACCOUNT_LATE);
    }

    private static boolean killedAsExpected(HarnessRun run, Expected e) {
        JsonNode result = run.result(e.scenario());
        return result != null && result.path("outcome").asText().matches(e.outcome())
                && (e.condition() == null || e.condition().equals(result.path("condition").asText(null)));
    }

    private static boolean isGreen(String outcome) {
        return outcome != null && (outcome.equals("passed") || outcome.equals("not-applicable") || outcome.equals("known-deviation"));
    }

    private static String reason(JsonNode result) {
        return result == null ? "no result" : result.path("reason").asText("no reason");
    }

    /** target/mutation-it/kills.md: every mutation, its run, and the scenarios it turned red, with the condition. */
    private void writeKillTable() throws IOException {
        StringBuilder md = new StringBuilder("| mutation | setup | killed | red scenarios (condition) |\n| --- | --- | --- | --- |\n");
        for (Mutation m : new TreeMap<>(red).keySet()) {
            md.append("| ").append(m).append(" | ").append(runOf(m).setup()).append(" | ")
                    .append(killed.getOrDefault(m.name(), false) ? "yes" : "**no**").append(" | ")
                    .append(String.join("; ", red.get(m))).append(" |\n");
        }
        Files.writeString(workDir.resolve("kills.md"), md);
    }

    // --- running the harness ------------------------------------------------------------------------

    /** One harness run and what it left: exit code, console output, the deployment of results.json. */
    record HarnessRun(String name, URI api, int exitCode, String out, String err, JsonNode deployment) {

        JsonNode result(String scenario) {
            for (JsonNode r : deployment.path("results")) {
                if (scenario.equals(r.path("id").asText())) {
                    return r;
                }
            }
            return null;
        }

        Map<String, String> outcomes() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            deployment.path("results").forEach(r -> outcomes.put(r.path("id").asText(), r.path("outcome").asText()));
            return outcomes;
        }

        @Override
        public String toString() {
            return name + " exited " + exitCode + "; harness output:\n" + out + err;
        }
    }

    /** The run, started on the pool the first time it is asked for. */
    private CompletableFuture<HarnessRun> harnessRun(Run run) {
        return runs.computeIfAbsent(run, r -> CompletableFuture.supplyAsync(() -> run(r), pool));
    }

    /** The conforming run has every scenario of features/; a mutation run only those the stub serves. */
    private HarnessRun run(Run run) {
        String mutations = run.mutations().stream().sorted().map(Mutation::slug).collect(Collectors.joining("."));
        int index = RUNS.indexOf(run);
        String name = "stub-" + run.setup().slug() + "-" + (index >= 0 ? String.format("run%02d", index + 1) : mutations);
        String tags = run.equals(CONFORMING) ? null : "not " + INTERACTIVE + (STUB_DOES_NOT_OFFER.isEmpty() ? "" : " and not ("
                + STUB_DOES_NOT_OFFER.keySet().stream().sorted().map(id -> "@id:" + id).collect(Collectors.joining(" or ")) + ")");
        try (StubWiki stub = StubWiki.start(run.setup(), run.mutations())) {
            return runHarness(name, stub.api(), "StubWiki (" + run.setup() + ") with " + run.mutations()
                    + ": tests the harness, never a reported deployment", tags);
        }
    }

    private HarnessRun runHarness(String name, URI api, String description) {
        return runHarness(name, api, description, null);
    }

    private HarnessRun runHarness(String name, URI api, String description, String tags) {
        try {
            Path dir = workDir.resolve(name);
            Files.createDirectories(dir);
            Path env = dir.resolve(name + ".yml");
            Files.writeString(env, "name: " + name + "\n"
                    + "description: \"" + description.replace("\"", "'") + "\"\n"
                    + "api: " + api + "\n"
                    + "writable: true\n");
            Path reports = dir.resolve("reports");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                // Waiting scenarios (a negative check waits out the patience) use no CPU: more of them at a time.
                List<String> args = new ArrayList<>(List.of("run", "--env", env.toString(), "--reports", reports.toString(), "--threads", "8"));
                if (tags != null) {
                    args.addAll(List.of("--tags", tags));
                }
                exit = Main.run(args, o, e);
            }
            JsonNode results = JSON.readTree(reports.resolve("latest").resolve("results.json").toFile());
            JsonNode deployment = results.path("deployments").path(0);
            return new HarnessRun(name, api, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    deployment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
