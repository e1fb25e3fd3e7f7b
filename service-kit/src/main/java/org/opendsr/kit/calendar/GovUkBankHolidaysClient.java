package org.opendsr.kit.calendar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.inject.Singleton;

/** Fetches GOV.UK's bank holidays (or whatever the configured URL serves in the same format). */
@Singleton
public class GovUkBankHolidaysClient {

    private final BankHolidaySettings settings;
    private final HttpClient http;

    public GovUkBankHolidaysClient(BankHolidaySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.getTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.getUrl()))
                .timeout(settings.getTimeout())
                .header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("bank holidays answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching bank holidays", e);
        }
    }
}
