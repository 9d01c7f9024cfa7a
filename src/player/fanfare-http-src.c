/* fanfare-http-src.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The element that fetches what plays over HTTP: the platform's streams.
 *
 * It reads with libsoup's blocking calls, in the streaming thread that
 * asks for data, one request at a time; a seek asks for the range from
 * the new position. GStreamer's own HTTP source, with libsoup 3, runs its
 * requests on a thread and a main loop of its own, and now and then
 * crashed in that thread when a stream was stopped in the middle of a
 * read, which a listener does every time they skip a track.
 *
 * libsoup ties a request to the thread-default main context of the
 * thread that sends it, and checks it again when the response ends. Every
 * call into libsoup here runs with the element's own context as the
 * thread's default: the streaming thread's reads, and the state change
 * that closes what is left once that thread has stopped. Nothing ever
 * iterates that context; no call here waits on it. */

#include "config.h"

#include <libsoup/soup.h>

#include "fanfare-http-src.h"

GST_DEBUG_CATEGORY_STATIC (fanfare_http_src_debug);
#define GST_CAT_DEFAULT fanfare_http_src_debug

/* How long a connection or a read may stall before the stream fails. */
#define TIMEOUT_SECONDS 15
/* The most read at a time: a few tens of milliseconds of a lossless stream. */
#define BLOCK_SIZE      (32 * 1024)

struct _FanfareHttpSrc
{
  GstBaseSrc parent_instance;

  /* Under the object lock: set while stopped, read when a request starts. */
  char         *location;
  GstStructure *extra_headers;
  /* Under the object lock: what the first answer said, 0 if not known. */
  guint64       size;

  /* The streaming thread's, and the state changes' while it is stopped. */
  GMainContext *context;
  SoupSession  *session;
  SoupMessage  *message;
  GInputStream *stream;
  guint64       position;
  /* Cancelled from any thread to unblock a read. */
  GCancellable *cancellable;
};

enum {
  PROP_0,
  PROP_LOCATION,
  PROP_EXTRA_HEADERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE ("src", GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS_ANY);

static void uri_handler_init (gpointer  iface,
                              gpointer  data);

G_DEFINE_FINAL_TYPE_WITH_CODE (FanfareHttpSrc, fanfare_http_src, GST_TYPE_BASE_SRC,
                               G_IMPLEMENT_INTERFACE (GST_TYPE_URI_HANDLER, uri_handler_init))

static gboolean
set_location (FanfareHttpSrc *self,
              const char     *location,
              GError        **error)
{
  g_autofree char *scheme = NULL;

  if (GST_STATE (self) >= GST_STATE_PAUSED)
    {
      g_set_error_literal (error, GST_URI_ERROR, GST_URI_ERROR_BAD_STATE,
                           "The location of a running stream cannot change");
      return FALSE;
    }
  if (location != NULL &&
      (!g_uri_is_valid (location, G_URI_FLAGS_NONE, NULL) ||
       (scheme = g_uri_parse_scheme (location)) == NULL ||
       (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)))
    {
      g_set_error (error, GST_URI_ERROR, GST_URI_ERROR_BAD_URI, "Not an HTTP address: %s", location);
      return FALSE;
    }

  GST_OBJECT_LOCK (self);
  g_free (self->location);
  self->location = g_strdup (location);
  GST_OBJECT_UNLOCK (self);

  return TRUE;
}

static GstURIType
uri_get_type (GType  type)
{
  return GST_URI_SRC;
}

static const char * const *
uri_get_protocols (GType  type)
{
  static const char * const protocols[] = { "http", "https", NULL };

  return protocols;
}

static char *
uri_get_uri (GstURIHandler *handler)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (handler);
  char *uri;

  GST_OBJECT_LOCK (self);
  uri = g_strdup (self->location);
  GST_OBJECT_UNLOCK (self);

  return uri;
}

static gboolean
uri_set_uri (GstURIHandler *handler,
             const char    *uri,
             GError       **error)
{
  return set_location (FANFARE_HTTP_SRC (handler), uri, error);
}

static void
uri_handler_init (gpointer  iface,
                  gpointer  data)
{
  GstURIHandlerInterface *handler = iface;

  handler->get_type = uri_get_type;
  handler->get_protocols = uri_get_protocols;
  handler->get_uri = uri_get_uri;
  handler->set_uri = uri_set_uri;
}

/* Drops the response being read, in the thread that reads. */
static void
close_stream (FanfareHttpSrc *self)
{
  g_clear_object (&self->stream);
  g_clear_object (&self->message);
}

static gboolean
append_header_cb (GQuark        field,
                  const GValue *value,
                  gpointer      user_data)
{
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    soup_message_headers_append (user_data, g_quark_to_string (field), g_value_get_string (value));

  return TRUE;
}

static gboolean
is_cancelled (FanfareHttpSrc *self,
              const GError   *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (self->cancellable);
}

/* What went wrong with the answer of a request, for the player to tell
 * apart a stream that is gone from one that was refused. */
static GstFlowReturn
fail_status (FanfareHttpSrc *self,
             SoupMessage    *message)
{
  guint status = soup_message_get_status (message);
  g_autofree char *uri = g_uri_to_string (soup_message_get_uri (message));
  const char *reason = soup_message_get_reason_phrase (message);

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    GST_ELEMENT_ERROR (self, RESOURCE, NOT_AUTHORIZED, (NULL), ("%s answered %u %s", uri, status, reason));
  else if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    GST_ELEMENT_ERROR (self, RESOURCE, NOT_FOUND, (NULL), ("%s answered %u %s", uri, status, reason));
  else
    GST_ELEMENT_ERROR (self, RESOURCE, OPEN_READ, (NULL), ("%s answered %u %s", uri, status, reason));

  return GST_FLOW_ERROR;
}

/* Notes how long the stream is, once an answer says it. */
static void
learn_size (FanfareHttpSrc *self,
            guint64         size)
{
  gboolean changed;

  GST_OBJECT_LOCK (self);
  changed = self->size != size;
  self->size = size;
  GST_OBJECT_UNLOCK (self);

  if (changed)
    gst_element_post_message (GST_ELEMENT (self), gst_message_new_duration_changed (GST_OBJECT (self)));
}

/* Skips what a server that ignores ranges sends before @offset. */
static gboolean
skip_to (FanfareHttpSrc *self,
         GInputStream   *stream,
         guint64         offset,
         GError        **error)
{
  while (offset > 0)
    {
      gssize skipped = g_input_stream_skip (stream, MIN (offset, G_MAXSSIZE), self->cancellable, error);

      if (skipped < 0)
        return FALSE;
      if (skipped == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "The stream ended before the position asked for");
          return FALSE;
        }
      offset -= skipped;
    }

  return TRUE;
}

/* Asks for the stream from @offset on. */
static GstFlowReturn
open_at (FanfareHttpSrc *self,
         guint64         offset)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  goffset start = 0, end = 0, total = -1;
  guint status;

  close_stream (self);

  GST_OBJECT_LOCK (self);
  if (self->location != NULL)
    message = soup_message_new (SOUP_METHOD_GET, self->location);
  if (message != NULL && self->extra_headers != NULL)
    gst_structure_foreach (self->extra_headers, append_header_cb, soup_message_get_request_headers (message));
  GST_OBJECT_UNLOCK (self);

  if (message == NULL)
    {
      GST_ELEMENT_ERROR (self, RESOURCE, NOT_FOUND, (NULL), ("No HTTP address to read"));
      return GST_FLOW_ERROR;
    }
  if (offset > 0)
    soup_message_headers_set_range (soup_message_get_request_headers (message), offset, -1);

  GST_DEBUG_OBJECT (self, "Requesting from byte %" G_GUINT64_FORMAT, offset);
  stream = soup_session_send (self->session, message, self->cancellable, &error);
  if (stream == NULL)
    {
      GST_DEBUG_OBJECT (self, "No answer: %s", error->message);
      if (is_cancelled (self, error))
        return GST_FLOW_FLUSHING;
      GST_ELEMENT_ERROR (self, RESOURCE, OPEN_READ, (NULL), ("%s", error->message));
      return GST_FLOW_ERROR;
    }

  status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);
  GST_DEBUG_OBJECT (self, "Answered %u", status);
  /* A seek to the very end. */
  if (status == SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE && offset > 0)
    return GST_FLOW_EOS;
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    return fail_status (self, message);

  if (status == SOUP_STATUS_PARTIAL_CONTENT && soup_message_headers_get_content_range (headers, &start, &end, &total))
    {
      if ((guint64) start != offset)
        {
          GST_ELEMENT_ERROR (self, RESOURCE, SEEK, (NULL), ("Asked for byte %" G_GUINT64_FORMAT ", got byte %" G_GOFFSET_FORMAT,
                                                            offset, start));
          return GST_FLOW_ERROR;
        }
    }
  else
    {
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
        total = soup_message_headers_get_content_length (headers);
      if (offset > 0 && !skip_to (self, stream, offset, &error))
        {
          if (is_cancelled (self, error))
            return GST_FLOW_FLUSHING;
          GST_ELEMENT_ERROR (self, RESOURCE, SEEK, (NULL), ("%s", error->message));
          return GST_FLOW_ERROR;
        }
    }
  if (total > 0)
    learn_size (self, total);

  self->message = g_steal_pointer (&message);
  self->stream = g_steal_pointer (&stream);
  self->position = offset;

  return GST_FLOW_OK;
}

static GstFlowReturn
read_at (FanfareHttpSrc *self,
         guint64         offset,
         guint           length,
         GstBuffer     **buffer)
{
  g_autoptr(GError) error = NULL;
  GstFlowReturn ret;
  GstMapInfo map;
  guint64 size;
  gssize n;

  if (self->session == NULL)
    self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                   "user-agent", "Fanfare/" PACKAGE_VERSION,
                                                   NULL);
  if ((self->stream == NULL || offset != self->position) && (ret = open_at (self, offset)) != GST_FLOW_OK)
    {
      close_stream (self);
      return ret;
    }

  *buffer = gst_buffer_new_allocate (NULL, length, NULL);
  gst_buffer_map (*buffer, &map, GST_MAP_WRITE);
  n = g_input_stream_read (self->stream, map.data, length, self->cancellable, &error);
  gst_buffer_unmap (*buffer, &map);

  if (n > 0)
    {
      gst_buffer_set_size (*buffer, n);
      GST_BUFFER_OFFSET (*buffer) = offset;
      GST_BUFFER_OFFSET_END (*buffer) = offset + n;
      self->position += n;
      return GST_FLOW_OK;
    }

  gst_clear_buffer (buffer);
  close_stream (self);
  GST_DEBUG_OBJECT (self, "Read at byte %" G_GUINT64_FORMAT " ended: %s", offset, n < 0 ? error->message : "end of stream");
  if (n < 0 && is_cancelled (self, error))
    return GST_FLOW_FLUSHING;

  GST_OBJECT_LOCK (self);
  size = self->size;
  GST_OBJECT_UNLOCK (self);
  if (n == 0 && (size == 0 || offset >= size))
    return GST_FLOW_EOS;

  /* A connection dropped in the middle: the player tries again from here. */
  GST_ELEMENT_ERROR (self, RESOURCE, READ, (NULL),
                     ("At byte %" G_GUINT64_FORMAT ": %s", offset, error != NULL ? error->message : "the connection closed"));
  return GST_FLOW_ERROR;
}

static GstFlowReturn
fanfare_http_src_create (GstBaseSrc *src,
                         guint64     offset,
                         guint       length,
                         GstBuffer **buffer)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (src);
  GstFlowReturn ret;

  g_main_context_push_thread_default (self->context);
  ret = read_at (self, offset, length, buffer);
  g_main_context_pop_thread_default (self->context);

  return ret;
}

static gboolean
fanfare_http_src_start (GstBaseSrc *src)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (src);

  GST_OBJECT_LOCK (self);
  self->size = 0;
  GST_OBJECT_UNLOCK (self);
  self->position = 0;
  g_cancellable_reset (self->cancellable);
  GST_DEBUG_OBJECT (self, "Started");

  return TRUE;
}

/* Once the streaming thread has stopped. */
static gboolean
fanfare_http_src_stop (GstBaseSrc *src)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (src);

  g_main_context_push_thread_default (self->context);
  close_stream (self);
  g_clear_object (&self->session);
  g_main_context_pop_thread_default (self->context);
  GST_DEBUG_OBJECT (self, "Stopped");

  return TRUE;
}

static gboolean
fanfare_http_src_unlock (GstBaseSrc *src)
{
  GST_DEBUG_OBJECT (src, "Unblocking");
  g_cancellable_cancel (FANFARE_HTTP_SRC (src)->cancellable);

  return TRUE;
}

static gboolean
fanfare_http_src_unlock_stop (GstBaseSrc *src)
{
  GST_DEBUG_OBJECT (src, "Unblocked");
  g_cancellable_reset (FANFARE_HTTP_SRC (src)->cancellable);

  return TRUE;
}

static gboolean
fanfare_http_src_get_size (GstBaseSrc *src,
                           guint64    *size)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (src);
  gboolean known;

  GST_OBJECT_LOCK (self);
  known = self->size > 0;
  *size = self->size;
  GST_OBJECT_UNLOCK (self);

  return known;
}

/* Seeks ask the server for a range: the stream can be seeked in. */
static gboolean
fanfare_http_src_is_seekable (GstBaseSrc *src)
{
  return TRUE;
}

/* Read in order, as the network gives it: downstream pushes, never pulls
 * at random. */
static gboolean
fanfare_http_src_query (GstBaseSrc *src,
                        GstQuery   *query)
{
  if (GST_QUERY_TYPE (query) == GST_QUERY_SCHEDULING)
    {
      gst_query_set_scheduling (query, GST_SCHEDULING_FLAG_SEEKABLE | GST_SCHEDULING_FLAG_BANDWIDTH_LIMITED, 1, -1, 0);
      gst_query_add_scheduling_mode (query, GST_PAD_MODE_PUSH);
      return TRUE;
    }

  return GST_BASE_SRC_CLASS (fanfare_http_src_parent_class)->query (src, query);
}

static void
fanfare_http_src_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (object);

  GST_OBJECT_LOCK (self);
  switch (prop_id)
    {
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_EXTRA_HEADERS:
      gst_value_set_structure (value, self->extra_headers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
  GST_OBJECT_UNLOCK (self);
}

static void
fanfare_http_src_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (object);
  g_autoptr(GError) error = NULL;
  const GstStructure *headers;

  switch (prop_id)
    {
    case PROP_LOCATION:
      if (!set_location (self, g_value_get_string (value), &error))
        g_warning ("%s", error->message);
      break;

    case PROP_EXTRA_HEADERS:
      headers = gst_value_get_structure (value);
      GST_OBJECT_LOCK (self);
      g_clear_pointer (&self->extra_headers, gst_structure_free);
      self->extra_headers = headers != NULL ? gst_structure_copy (headers) : NULL;
      GST_OBJECT_UNLOCK (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_http_src_finalize (GObject *object)
{
  FanfareHttpSrc *self = FANFARE_HTTP_SRC (object);

  g_free (self->location);
  g_clear_pointer (&self->extra_headers, gst_structure_free);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (fanfare_http_src_parent_class)->finalize (object);
}

static void
fanfare_http_src_class_init (FanfareHttpSrcClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseSrcClass *src_class = GST_BASE_SRC_CLASS (klass);

  object_class->get_property = fanfare_http_src_get_property;
  object_class->set_property = fanfare_http_src_set_property;
  object_class->finalize = fanfare_http_src_finalize;

  src_class->start = fanfare_http_src_start;
  src_class->stop = fanfare_http_src_stop;
  src_class->unlock = fanfare_http_src_unlock;
  src_class->unlock_stop = fanfare_http_src_unlock_stop;
  src_class->get_size = fanfare_http_src_get_size;
  src_class->is_seekable = fanfare_http_src_is_seekable;
  src_class->query = fanfare_http_src_query;
  src_class->create = fanfare_http_src_create;

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Headers sent with every request, such as the token of the server
   * the stream comes from. */
  properties[PROP_EXTRA_HEADERS] =
    g_param_spec_boxed ("extra-headers", NULL, NULL, GST_TYPE_STRUCTURE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (element_class, "Fanfare HTTP source", "Source/Network",
                                         "Reads a stream over HTTP, seeking by range",
                                         "The Fanfare contributors");

  GST_DEBUG_CATEGORY_INIT (fanfare_http_src_debug, "fanfarehttpsrc", 0, "Fanfare HTTP source");
}

static void
fanfare_http_src_init (FanfareHttpSrc *self)
{
  self->context = g_main_context_new ();
  self->cancellable = g_cancellable_new ();
  gst_base_src_set_blocksize (GST_BASE_SRC (self), BLOCK_SIZE);
}

/**
 * fanfare_http_src_register:
 *
 * Makes #FanfareHttpSrc the element that reads http and https addresses
 * in this process, ahead of any plugin's.
 */
void
fanfare_http_src_register (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      gst_element_register (NULL, "fanfarehttpsrc", GST_RANK_PRIMARY + 100, FANFARE_TYPE_HTTP_SRC);
      g_once_init_leave (&registered, 1);
    }
}
