@doc:module-help @needs:anonymous-creation @needs:fillable-form @may-create-account
Feature: The format of messages
  createmessageformat: "Format to use for returning messages. One of the following values: html,
  wikitext, raw, none. Default: wikitext". A FAIL carries "a message to display to the user"; its
  messagecode stays the same whatever the format.
  Plain messages read the same as html and as wikitext; the block notice has links, so html and
  wikitext are told apart on it, each compared with the same request in the other format.

  Background:
    Given I have fetched the fields and a createaccount token

  @id:message-format-wikitext @needs:blocker
  Scenario: A message as wikitext
    Given my address is blocked from creating accounts
    When I create an account, asking for messages as wikitext, and for comparison as html
    Then account creation fails with messagecode "blocked"
    And the message is wikitext, not the HTML of the same message
    And no account was created

  @id:message-format-html @needs:blocker
  Scenario: A message as HTML
    Given my address is blocked from creating accounts
    When I create an account, asking for messages as html, and for comparison as wikitext
    Then account creation fails with messagecode "blocked"
    And the message is HTML, not the wikitext of the same message
    And no account was created

  @id:message-format-default @needs:blocker
  Scenario: Without createmessageformat, a message is wikitext
    Given my address is blocked from creating accounts
    When I create an account without asking for a message format, and for comparison as wikitext and as html
    Then account creation fails with messagecode "blocked"
    And the message is the wikitext one, not the HTML one
    And no account was created

  @id:message-format-raw
  Scenario: A message as its raw key and parameters
    When I create an account whose retyped password differs, asking for messages as raw
    Then account creation fails with messagecode "badretype", whatever the form of its message
    And the message is the message key "badretype" with its parameters
    And no account was created

  @id:message-format-none
  Scenario: No message at all
    When I create an account whose retyped password differs, asking for messages as none
    Then account creation fails with messagecode "badretype", whatever the form of its message
    And there is no message
    And no account was created
