@doc:module-help @needs:anonymous-creation @safe-probe
Feature: The format of messages
  createmessageformat: "Format to use for returning messages. One of the following values: html,
  wikitext, raw, none. Default: wikitext". A FAIL carries "a message to display to the user"; its
  messagecode stays the same whatever the format.
  Safe probes: the FAIL is userexists, for the name of an account that already exists (list=allusers).
  MediaWiki checks it in AuthManager::beginAccountCreation (canCreateAccount), before the CAPTCHA, the
  throttle and the password; on a read-only wiki the retyped password also differs, so a wiki that
  let the name through would still refuse the request (badretype) and create nothing.

  Background:
    Given I have fetched the fields and a createaccount token
    And the request names an account that already exists

  @id:message-format-wikitext
  Scenario: A message as wikitext
    When I create it again, asking for messages as wikitext
    Then account creation fails with messagecode "userexists"
    And the message is text

  @id:message-format-html
  Scenario: A message as HTML
    When I create it again, asking for messages as html
    Then account creation fails with messagecode "userexists"
    And the message is text

  @id:message-format-raw
  Scenario: A message as its raw key and parameters
    When I create it again, asking for messages as raw
    Then account creation fails with messagecode "userexists", whatever the form of its message
    And the message is the message key "userexists" with its parameters

  @id:message-format-none
  Scenario: No message at all
    When I create it again, asking for messages as none
    Then account creation fails with messagecode "userexists", whatever the form of its message
    And there is no message
