package org.mwconform.accounts;

import org.mwconform.captcha.CaptchaChallenge;
import org.mwconform.captcha.CaptchaSolvers;
import org.mwconform.client.AuthField;
import org.mwconform.client.AuthManagerInfo;
import org.mwconform.client.AuthRequest;
import org.mwconform.client.CreateAccountRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a createaccount request from the fields authmanagerinfo announces, the way the documentation's
 * general procedure says a client should, instead of from hard-coded field names.
 */
public final class FormFiller {
    /** Field types that carry nothing to send back (descriptions, images). */
    private static final List<String> DISPLAY_ONLY = List.of("null", "button");

    /** The result: the request, and the required fields nobody here knows how to answer. */
    public record Filled(CreateAccountRequest request, List<String> unanswerable) {
    }

    private final CaptchaSolvers captchas;
    private final FieldStrategies strategies;

    public FormFiller(CaptchaSolvers captchas) {
        this(captchas, FieldStrategies.none());
    }

    /** @param strategies answer the fields extensions add, after the core's own (username, passwords, CAPTCHA) */
    public FormFiller(CaptchaSolvers captchas, FieldStrategies strategies) {
        this.captchas = captchas;
        this.strategies = strategies;
    }

    public Filled fill(AuthManagerInfo info, NewAccount account, String token, String returnUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unanswerable = new ArrayList<>();
        Optional<CaptchaChallenge> captcha = CaptchaChallenge.in(info);
        for (AuthRequest request : info.requests()) {
            for (AuthField field : request.fields().values()) {
                if (field.type() != null && DISPLAY_ONLY.contains(field.type())) {
                    continue;
                }
                if (CaptchaChallenge.ANSWER_FIELD.equals(field.name()) && captcha.isPresent()) {
                    captcha.flatMap(captchas::answer).ifPresentOrElse(answer -> values.put(field.name(), answer),
                            () -> unanswerable.add(captchas.whyNot(captcha.get())));
                    continue;
                }
                String value = answer(field, account);
                if (value == null) {
                    value = strategies.answer(request, field).orElse(null);
                }
                if (value != null) {
                    values.put(field.name(), value);
                } else if (field.optional() || !isRequired(request)) {
                    // A submitted form sends its empty fields too; MediaWiki ignores a request
                    // (UserDataAuthenticationRequest: email, realname) unless all its fields are present.
                    values.putIfAbsent(field.name(), "");
                } else {
                    unanswerable.add(field.name() + " (" + request.id() + ")");
                }
            }
        }
        values.put("createreturnurl", returnUrl);
        if (token != null) {
            values.put("createtoken", token);
        }
        return new Filled(CreateAccountRequest.of(values), List.copyOf(unanswerable));
    }

    private static String answer(AuthField field, NewAccount account) {
        // A hidden field goes back unchanged, whatever it is called (a hidden "password" too: the wiki gave its
        // value); one announced without a value goes back empty, as a form would send it, so a broken
        // declaration shows up as the wiki's own failure.
        if ("hidden".equals(field.type())) {
            return field.value() == null ? "" : field.value();
        }
        return switch (field.name()) {
            case "username" -> account.username();
            case "password", "retype" -> account.password();
            default -> null;
        };
    }

    /** "required" and "primary-required" requests must be answered; "optional" ones may be left out. */
    private static boolean isRequired(AuthRequest request) {
        return request.required() == null || !request.required().equals("optional");
    }
}
