package org.opendsr.referral.notifications.adapters.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code dsr.notifications.notify.*}: the API key (env DSR_NOTIFICATIONS_NOTIFY_API_KEY, from a Kubernetes Secret,
 * never in git) and the Notify template id of each template name ({@code consent-reminder-person-email: <uuid>}).
 */
@ConfigurationProperties("dsr.notifications.notify")
public class NotifySettings {

    private String apiKey;
    private String baseUrl = "https://api.notifications.service.gov.uk";
    private Map<String, String> templates = new LinkedHashMap<>();

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Notify's API; changed only to point a test at a stand-in for it. */
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Map<String, String> getTemplates() {
        return templates;
    }

    public void setTemplates(Map<String, String> templates) {
        this.templates = new LinkedHashMap<>(templates);
    }

    Optional<String> templateId(String template) {
        return Optional.ofNullable(templates.get(template)).filter(id -> !id.isBlank());
    }
}
