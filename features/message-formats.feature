@doc:module-help @needs:anonymous-creation
Feature: The format of messages
  createmessageformat: "Format to use for returning messages. One of the following values: html,
  wikitext, raw, none. Default: wikitext". A FAIL carries "a message to display to the user"; its
  messagecode stays the same whatever the format.
  Plain messages read the same as html and as wikitext; the block notice has links, so html and
  wikitext are told apart on it, each compared with the same request in the other format.
  Raw and none are safe probes: the FAIL is userexists, for the name of an account that already exists
  (list=allusers). MediaWiki checks it in AuthManager::beginAccountCreation (canCreateAccount), before the
  CAPTCHA, the throttle and the password; on a read-only wiki the retyped password also differs, so a wiki
  that let the name through would still refuse the request (badretype) and create nothing.

  Background:
    Given I have fetched the fields and a createaccount token

  @id:message-format-wikitext @needs:blocker @needs:fillable-form @may-create-account
  Scenario: A message as wikitext
    Given my address is blocked from creating accounts
    When I create an account, asking for messages as wikitext, and for comparison as html
    Then account creation fails with messagecode "blocked"
    And the message is wikitext, not the HTML of the same message
    And no account was created

  @id:message-format-html @needs:blocker @needs:fillable-form @may-create-account
  Scenario: A message as HTML
    Given my address is blocked from creating accounts
    When I create an account, asking for messages as html, and for comparison as wikitext
    Then account creation fails with messagecode "blocked"
    And the message is HTML, not the wikitext of the same message
    And no account was created

  @id:message-format-default @needs:blocker @needs:fillable-form @may-create-account
  Scenario: Without createmessageformat, a message is wikitext
    Given my address is blocked from creating accounts
    When I create an account without asking for a message format, and for comparison as wikitext and as html
    Then account creation fails with messagecode "blocked"
    And the message is the wikitext one, not the HTML one
    And no account was created

  @id:message-format-raw @safe-probe
  Scenario: A message as its raw key and parameters
    A POST even on a read-only wiki: the format of a FAIL's message shows only in a FAIL. The request names an
    existing account (userexists, refused before anything else) and its retyped password differs.
    Given the request names an account that already exists
    When I create it again, asking for messages as raw
    Then account creation fails with messagecode "userexists", whatever the form of its message
    And the message is the message key "userexists" with its parameters

  @id:message-format-none @safe-probe
  Scenario: No message at all
    A POST even on a read-only wiki, for the same reason as above.
    Given the request names an account that already exists
    When I create it again, asking for messages as none
    Then account creation fails with messagecode "userexists", whatever the form of its message
    And there is no message
