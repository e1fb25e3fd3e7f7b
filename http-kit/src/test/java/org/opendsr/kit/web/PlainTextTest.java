package org.opendsr.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which characters the kit's one text rule refuses, and which it keeps. */
class PlainTextTest {

    @Test
    void ordinaryTextWithTabsAndLineBreaksIsPlain() {
        assertThat(PlainText.isPlain("Placement at risk.\r\nSchool:\tvery worried")).isTrue();
        assertThat(PlainText.isPlain("Zoë O’Brien-Smith, café 😀")).as("accents, typographic quotes, emoji").isTrue();
        assertThat(PlainText.isPlain("")).isTrue();
        assertThat(PlainText.isPlain(null)).isTrue();
    }

    @Test
    void nulAndTheOtherC0ControlsAreRefused() {
        assertThat(PlainText.isPlain("A\u0000B")).isFalse();
        assertThat(PlainText.isPlain("\u0001")).isFalse();
        assertThat(PlainText.isPlain("bell\u0007")).isFalse();
        assertThat(PlainText.isPlain("escape\u001b[31m")).isFalse();
        assertThat(PlainText.isPlain("\u001f")).isFalse();
    }

    @Test
    void delAndTheC1ControlsAreRefused() {
        assertThat(PlainText.isPlain("\u007f")).isFalse();
        assertThat(PlainText.isPlain("\u0080")).isFalse();
        assertThat(PlainText.isPlain("mis\u0092decoded")).isFalse();
        assertThat(PlainText.isPlain("\u009f")).isFalse();
        assertThat(PlainText.isPlain("\u00a0")).as("no-break space is text").isTrue();
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        assertThat(PlainText.isPlain("\ud800")).isFalse();
        assertThat(PlainText.isPlain("a\udc00b")).isFalse();
        assertThat(PlainText.isPlain("\ud83d\ude00")).isTrue();
    }
}
