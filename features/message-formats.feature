@doc:module-help @needs:anonymous-creation @may-create-account
Feature: The format of messages
  createmessageformat: "Format to use for returning messages. One of the following values: html,
  wikitext, raw, none. Default: wikitext". A FAIL carries "a message to display to the user"; its
  messagecode stays the same whatever the format.

  Background:
    Given I have fetched the fields and a createaccount token

  @id:message-format-wikitext
  Scenario: A message as wikitext
    When I create an account whose retyped password differs, asking for messages as wikitext
    Then account creation fails with messagecode "badretype"
    And the message is text

  @id:message-format-html
  Scenario: A message as HTML
    When I create an account whose retyped password differs, asking for messages as html
    Then account creation fails with messagecode "badretype"
    And the message is text

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
