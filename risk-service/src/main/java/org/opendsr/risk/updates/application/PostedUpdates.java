package org.opendsr.risk.updates.application;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.risk.updates.domain.PostedUpdate;

/** The updates posted in people's updates boxes (a port). Never deleted by this feature. */
public interface PostedUpdates {

    void add(PostedUpdate update);

    /** A person's updates, newest first, after the cursor's update if any, at most {@code limit}. */
    List<PostedUpdate> newestOf(UUID personId, @Nullable PersonUpdatesPage.After after, int limit);
}
