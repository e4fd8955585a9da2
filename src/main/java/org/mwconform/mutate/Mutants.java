package org.mwconform.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The catalogue of mutants {@code mwconform mutate} injects: each one a wiki that breaks one documented
 * behaviour, or one the harness relies on, in a way the Action API would show. They work on the answers of
 * any MediaWiki, so an extension developer can measure their own scenarios against the same catalogue
 * (or add mutants here the same way).
 */
public final class Mutants {
    private Mutants() {
    }

    private record Simple(String name, String description, Consumer<ProxiedRequest> onRequest,
                          BiConsumer<ProxiedRequest, ObjectNode> onAnswer) implements Mutant {
        @Override
        public void request(ProxiedRequest request) {
            if (onRequest != null) {
                onRequest.accept(request);
            }
        }

        @Override
        public void answer(ProxiedRequest request, ObjectNode answer) {
            if (onAnswer != null) {
                onAnswer.accept(request, answer);
            }
        }
    }

    private static Mutant answer(String name, String description, BiConsumer<ProxiedRequest, ObjectNode> onAnswer) {
        return new Simple(name, description, null, onAnswer);
    }

    private static Mutant request(String name, String description, Consumer<ProxiedRequest> onRequest) {
        return new Simple(name, description, onRequest, null);
    }

    /** Every mutant, in the order the table lists them. */
    public static List<Mutant> all() {
        List<Mutant> all = new ArrayList<>();
        // --- meta=tokens
        all.add(answer("token-not-issued", "meta=tokens issues no createaccount token", (r, a) -> {
            if (r.lists("meta", "tokens")) {
                tokens(a).ifPresent(t -> t.remove("createaccounttoken"));
            }
        }));
        all.add(answer("token-without-suffix", "the createaccount token lacks its documented +\\ suffix", (r, a) -> {
            if (r.lists("meta", "tokens")) {
                tokens(a).filter(t -> t.has("createaccounttoken"))
                        .ifPresent(t -> t.put("createaccounttoken", t.get("createaccounttoken").asText().replace("+\\", "")));
            }
        }));
        // --- meta=authmanagerinfo
        all.add(answer("no-cancreateaccounts", "authmanagerinfo leaves out cancreateaccounts", (r, a) -> ami(r, a).ifPresent(i -> i.remove("cancreateaccounts"))));
        all.add(answer("requests-without-provider", "authmanagerinfo's requests come without their provider",
                (r, a) -> amiRequests(r, a).forEach(req -> req.remove("provider"))));
        all.add(answer("no-email-field", "authmanagerinfo announces no email field",
                (r, a) -> amiRequests(r, a).forEach(req -> fields(req).ifPresent(f -> f.remove("email")))));
        all.add(answer("captcha-word-as-password", "authmanagerinfo announces captchaWord as a password field, not a string",
                (r, a) -> amiRequests(r, a).forEach(req -> fields(req).map(f -> f.get("captchaWord"))
                        .filter(JsonNode::isObject).ifPresent(w -> ((ObjectNode) w).put("type", "password")))));
        all.add(answer("captcha-for-everyone", "authmanagerinfo announces a CAPTCHA to every user, those holding skipcaptcha too",
                (r, a) -> ami(r, a).filter(i -> i.path("requests").isArray()).ifPresent(i -> {
                    ArrayNode requests = (ArrayNode) i.get("requests");
                    for (JsonNode req : requests) {
                        if ("CaptchaAuthenticationRequest".equals(req.path("id").asText())) {
                            return;
                        }
                    }
                    ObjectNode captcha = requests.addObject();
                    captcha.put("id", "CaptchaAuthenticationRequest").put("metadata", "").put("required", "required")
                            .put("provider", "mwconform mutant").put("account", "");
                    ObjectNode f = captcha.putObject("fields");
                    f.putObject("captchaId").put("type", "hidden").put("value", "1").put("label", "CAPTCHA ID");
                    f.putObject("captchaInfo").put("type", "null").put("value", "mwconform mutant: what is 1 + 1?").put("label", "To help protect");
                    f.putObject("captchaWord").put("type", "string").put("label", "CAPTCHA");
                })));
        // --- action=createaccount: rejections
        all.add(answer("error-code-renamed", "createaccount rejects requests with other error codes",
                (r, a) -> createError(r, a).ifPresent(e -> e.put("code", "mwconform-mutant-" + e.path("code").asText()))));
        all.add(answer("error-info-reworded", "createaccount's error infos read otherwise",
                (r, a) -> createError(r, a).ifPresent(e -> e.put("info", "mwconform mutant: " + e.path("info").asText()))));
        all.add(answer("error-without-info", "createaccount's errors come without info",
                (r, a) -> createError(r, a).ifPresent(e -> e.remove("info"))));
        // --- action=createaccount: PASS and FAIL
        all.add(answer("messagecode-renamed", "every FAIL carries another messagecode",
                (r, a) -> createResult(r, a, "FAIL").ifPresent(c -> c.put("messagecode", "mwconform-mutant-" + c.path("messagecode").asText()))));
        all.add(answer("fail-as-pass", "every FAIL is answered as PASS (nothing is created)",
                (r, a) -> createResult(r, a, "FAIL").ifPresent(c -> {
                    c.removeAll();
                    c.put("status", "PASS").put("username", r.param("username") == null ? "" : r.param("username"));
                })));
        all.add(answer("pass-as-fail", "every PASS is answered as FAIL (the account is created all the same)",
                (r, a) -> createResult(r, a, "PASS").ifPresent(c -> {
                    c.removeAll();
                    c.put("status", "FAIL").put("message", "mwconform mutant").put("messagecode", "mwconform-mutant");
                })));
        all.add(answer("pass-names-someone-else", "a PASS names another username than the one created",
                (r, a) -> createResult(r, a, "PASS").ifPresent(c -> c.put("username", "Mwconform mutant someone else"))));
        all.add(answer("fail-without-message", "a FAIL comes without its message",
                (r, a) -> createResult(r, a, "FAIL").ifPresent(c -> c.remove("message"))));
        all.add(answer("raw-params-dropped", "a raw message comes without its parameters",
                (r, a) -> createResult(r, a, "FAIL").map(c -> c.get("message")).filter(JsonNode::isObject)
                        .ifPresent(m -> ((ObjectNode) m).putArray("params"))));
        all.add(request("message-format-ignored", "createmessageformat is ignored: every message is wikitext", r -> {
            if (r.createsAccount()) {
                r.remove("createmessageformat");
            }
        }));
        all.add(request("html-as-wikitext", "createmessageformat=html answers wikitext", r -> {
            if (r.createsAccount() && "html".equals(r.param("createmessageformat"))) {
                r.set("createmessageformat", "wikitext");
            }
        }));
        all.add(request("wikitext-as-html", "createmessageformat=wikitext answers HTML", r -> {
            if (r.createsAccount() && "wikitext".equals(r.param("createmessageformat"))) {
                r.set("createmessageformat", "html");
            }
        }));
        all.add(request("default-format-html", "without createmessageformat, messages come as HTML, not wikitext", r -> {
            if (r.createsAccount() && !r.has("createmessageformat")) {
                r.set("createmessageformat", "html");
            }
        }));
        // --- list=users and list=logevents: what a creation leaves behind
        all.add(answer("accounts-never-appear", "list=users never shows a newly created account",
                (r, a) -> newAccountLookup(r, a).forEach(u -> {
                    String name = u.path("name").asText();
                    u.removeAll();
                    u.put("name", name).put("missing", "");
                })));
        all.add(answer("accounts-always-appear", "list=users shows an account for every name asked, created or not",
                (r, a) -> newAccountLookup(r, a).filter(u -> u.has("missing") || u.has("invalid")).forEach(u -> {
                    u.remove("missing");
                    u.remove("invalid");
                    u.put("userid", 999_999).put("registration", "2001-01-15T00:00:00Z");
                })));
        all.add(answer("log-missing", "list=logevents shows no newusers entry", (r, a) -> logEvents(r, a).ifPresent(ArrayNode::removeAll)));
        all.add(answer("log-comment-dropped", "newusers entries lose their comment (the reason)",
                (r, a) -> logEvents(r, a).ifPresent(l -> l.forEach(e -> ((ObjectNode) e).put("comment", "")))));
        all.add(answer("log-comment-invented", "newusers entries carry a comment nobody gave",
                (r, a) -> logEvents(r, a).ifPresent(l -> l.forEach(e -> ((ObjectNode) e).put("comment", "mwconform mutant")))));
        all.add(answer("log-action-changed", "newusers entries name another action (create as create2, create2 as create, byemail as create2)",
                (r, a) -> logEvents(r, a).ifPresent(l -> l.forEach(e -> {
                    String action = e.path("action").asText();
                    ((ObjectNode) e).put("action", switch (action) {
                        case "create" -> "create2";
                        case "create2" -> "create";
                        case "byemail" -> "create2";
                        default -> action;
                    });
                }))));
        all.add(answer("log-performer-changed", "newusers entries name another performer",
                (r, a) -> logEvents(r, a).ifPresent(l -> l.forEach(e -> ((ObjectNode) e).put("user", "Mwconform mutant performer")))));
        // --- temporary accounts (MediaWiki 1.43): siteinfo, list=users cancreate, action=edit, meta=userinfo
        all.add(answer("temp-patterns-dropped", "siteinfo asked only for autocreatetempuser lists no matchPatterns",
                (r, a) -> {
                    if ("autocreatetempuser".equals(r.param("siprop"))) {
                        object(a.path("query").path("autocreatetempuser")).ifPresent(t -> t.remove("matchPatterns"));
                    }
                }));
        all.add(answer("cancreate-granted", "list=users&usprop=cancreate says every name can be created",
                (r, a) -> {
                    if (r.lists("list", "users") && r.lists("usprop", "cancreate")) {
                        a.path("query").path("users").forEach(u -> {
                            ((ObjectNode) u).remove("cancreateerror");
                            ((ObjectNode) u).put("cancreate", "");
                        });
                    }
                }));
        all.add(answer("tempusercreated-dropped", "an edit does not say that it created a temporary user",
                (r, a) -> {
                    if ("edit".equals(r.param("action"))) {
                        object(a.path("edit")).ifPresent(e -> e.remove("tempusercreated"));
                    }
                }));
        all.add(answer("userinfo-temp-dropped", "meta=userinfo never marks a temporary user",
                (r, a) -> {
                    if (r.lists("meta", "userinfo")) {
                        object(a.path("query").path("userinfo")).ifPresent(u -> u.remove("temp"));
                    }
                }));
        all.add(answer("userinfo-anon-dropped", "meta=userinfo never marks an anonymous session",
                (r, a) -> {
                    if (r.lists("meta", "userinfo")) {
                        object(a.path("query").path("userinfo")).ifPresent(u -> u.remove("anon"));
                    }
                }));
        all.add(answer("ami-account-blanked", "authmanagerinfo's requests name no account",
                (r, a) -> amiRequests(r, a).forEach(q -> q.put("account", ""))));
        all.add(answer("edit-error-renamed", "action=edit rejects requests with other error codes",
                (r, a) -> {
                    if ("edit".equals(r.param("action"))) {
                        object(a.path("error")).ifPresent(e -> e.put("code", "mwconform-mutant-" + e.path("code").asText()));
                    }
                }));
        return List.copyOf(all);
    }

    public static Optional<Mutant> named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    // --- where each answer keeps what the mutants change ------------------------------------------------------

    private static Optional<ObjectNode> object(JsonNode node) {
        return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    private static Optional<ObjectNode> tokens(ObjectNode answer) {
        return object(answer.path("query").path("tokens"));
    }

    private static Optional<ObjectNode> ami(ProxiedRequest r, ObjectNode answer) {
        return r.lists("meta", "authmanagerinfo") ? object(answer.path("query").path("authmanagerinfo")) : Optional.empty();
    }

    private static List<ObjectNode> amiRequests(ProxiedRequest r, ObjectNode answer) {
        List<ObjectNode> requests = new ArrayList<>();
        ami(r, answer).ifPresent(i -> i.path("requests").forEach(req -> object(req).ifPresent(requests::add)));
        return requests;
    }

    private static Optional<ObjectNode> fields(ObjectNode request) {
        return object(request.path("fields"));
    }

    private static Optional<ObjectNode> createError(ProxiedRequest r, ObjectNode answer) {
        return r.createsAccount() ? object(answer.path("error")) : Optional.empty();
    }

    private static Optional<ObjectNode> createResult(ProxiedRequest r, ObjectNode answer, String status) {
        return r.createsAccount() ? object(answer.path("createaccount")).filter(c -> status.equals(c.path("status").asText()))
                : Optional.empty();
    }

    /** list=users as the harness asks it after a creation (usprop=registration), not for a user's rights. */
    private static java.util.stream.Stream<ObjectNode> newAccountLookup(ProxiedRequest r, ObjectNode answer) {
        if (!r.lists("list", "users") || !r.lists("usprop", "registration")) {
            return java.util.stream.Stream.empty();
        }
        List<ObjectNode> users = new ArrayList<>();
        answer.path("query").path("users").forEach(u -> object(u).ifPresent(users::add));
        return users.stream();
    }

    private static Optional<ArrayNode> logEvents(ProxiedRequest r, ObjectNode answer) {
        if (!r.lists("list", "logevents")) {
            return Optional.empty();
        }
        JsonNode events = answer.path("query").path("logevents");
        return events instanceof ArrayNode a ? Optional.of(a) : Optional.empty();
    }
}
