/* fanfare-location-source.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sources of the computer's position for People Nearby. The system's is
 * GeoClue2 over D-Bus (a client asking for city accuracy, which is all a
 * 5 km cell needs) or, in a sandbox, the desktop portal's Location, which
 * asks the user. A fixed source stands for a position given. */

#include "config.h"

#include "fanfare-location-source.h"

G_DEFINE_INTERFACE (FanfareLocationSource, fanfare_location_source, G_TYPE_OBJECT)

enum {
  LOCATED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fanfare_location_source_default_init (FanfareLocationSourceInterface *iface)
{
  signals[LOCATED] = g_signal_new ("located", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

void
fanfare_location_source_start (FanfareLocationSource *self)
{
  g_return_if_fail (FANFARE_IS_LOCATION_SOURCE (self));

  FANFARE_LOCATION_SOURCE_GET_IFACE (self)->start (self);
}

void
fanfare_location_source_stop (FanfareLocationSource *self)
{
  g_return_if_fail (FANFARE_IS_LOCATION_SOURCE (self));

  FANFARE_LOCATION_SOURCE_GET_IFACE (self)->stop (self);
}

void
fanfare_location_source_located (FanfareLocationSource *self,
                                 double                 latitude,
                                 double                 longitude)
{
  g_signal_emit (self, signals[LOCATED], 0, latitude, longitude);
}

void
fanfare_location_source_failed (FanfareLocationSource *self,
                                const GError          *error)
{
  g_signal_emit (self, signals[FAILED], 0, error);
}

/* A position given. */

#define FANFARE_TYPE_FIXED_LOCATION (fanfare_fixed_location_get_type ())
G_DECLARE_FINAL_TYPE (FanfareFixedLocation, fanfare_fixed_location, FANFARE, FIXED_LOCATION, GObject)

struct _FanfareFixedLocation
{
  GObject parent_instance;
  double  latitude;
  double  longitude;
};

static void
fixed_start (FanfareLocationSource *source)
{
  FanfareFixedLocation *self = FANFARE_FIXED_LOCATION (source);

  fanfare_location_source_located (source, self->latitude, self->longitude);
}

static void
fixed_stop (FanfareLocationSource *source)
{
}

static void
fixed_iface_init (FanfareLocationSourceInterface *iface)
{
  iface->start = fixed_start;
  iface->stop = fixed_stop;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FanfareFixedLocation, fanfare_fixed_location, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FANFARE_TYPE_LOCATION_SOURCE, fixed_iface_init))

static void
fanfare_fixed_location_class_init (FanfareFixedLocationClass *klass)
{
}

static void
fanfare_fixed_location_init (FanfareFixedLocation *self)
{
}

/**
 * fanfare_location_source_new_fixed:
 *
 * Returns: (transfer full): a source that is always at one position
 */
FanfareLocationSource *
fanfare_location_source_new_fixed (double  latitude,
                                   double  longitude)
{
  FanfareFixedLocation *self = g_object_new (FANFARE_TYPE_FIXED_LOCATION, NULL);

  self->latitude = latitude;
  self->longitude = longitude;

  return FANFARE_LOCATION_SOURCE (self);
}

/* The system's location: GeoClue2, or the portal in a sandbox. */

#define GEOCLUE_NAME "org.freedesktop.GeoClue2"
#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define GEOCLUE_ACCURACY_CITY 4
#define PORTAL_ACCURACY_CITY 3

#define FANFARE_TYPE_SYSTEM_LOCATION (fanfare_system_location_get_type ())
G_DECLARE_FINAL_TYPE (FanfareSystemLocation, fanfare_system_location, FANFARE, SYSTEM_LOCATION, GObject)

struct _FanfareSystemLocation
{
  GObject          parent_instance;
  char            *desktop_id;
  GDBusConnection *bus;
  GCancellable    *cancellable;
  char            *client_path;   /* GeoClue's client, or the portal's session */
  guint            signal_id;
  gboolean         sandboxed;
};

static void system_iface_init (FanfareLocationSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FanfareSystemLocation, fanfare_system_location, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FANFARE_TYPE_LOCATION_SOURCE, system_iface_init))

static void
fail (FanfareSystemLocation *self,
      GError                *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fanfare_location_source_failed (FANFARE_LOCATION_SOURCE (self), error);
}

static void
geoclue_location_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(FanfareSystemLocation) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) props = NULL;
  g_autoptr(GError) error = NULL;
  double latitude, longitude;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      fail (self, error);
      return;
    }
  g_variant_get (reply, "(@a{sv})", &props);
  if (g_variant_lookup (props, "Latitude", "d", &latitude) && g_variant_lookup (props, "Longitude", "d", &longitude))
    fanfare_location_source_located (FANFARE_LOCATION_SOURCE (self), latitude, longitude);
}

static void
geoclue_updated_cb (GDBusConnection *bus,
                    const char      *sender,
                    const char      *path,
                    const char      *interface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  FanfareSystemLocation *self = user_data;
  const char *location = NULL;

  g_variant_get (parameters, "(&o&o)", NULL, &location);
  g_dbus_connection_call (bus, GEOCLUE_NAME, location, "org.freedesktop.DBus.Properties", "GetAll",
                          g_variant_new ("(s)", "org.freedesktop.GeoClue2.Location"), G_VARIANT_TYPE ("(a{sv})"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, geoclue_location_cb, g_object_ref (self));
}

static void
portal_updated_cb (GDBusConnection *bus,
                   const char      *sender,
                   const char      *path,
                   const char      *interface,
                   const char      *signal,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  FanfareSystemLocation *self = user_data;
  g_autoptr(GVariant) location = NULL;
  double latitude, longitude;

  g_variant_get (parameters, "(&o@a{sv})", NULL, &location);
  if (g_variant_lookup (location, "Latitude", "d", &latitude) &&
      g_variant_lookup (location, "Longitude", "d", &longitude))
    fanfare_location_source_located (FANFARE_LOCATION_SOURCE (self), latitude, longitude);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FanfareSystemLocation) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    fail (self, error);
}

static void
set_client_property (FanfareSystemLocation *self,
                     const char            *name,
                     GVariant              *value)
{
  g_dbus_connection_call (self->bus, GEOCLUE_NAME, self->client_path, "org.freedesktop.DBus.Properties", "Set",
                          g_variant_new ("(ssv)", "org.freedesktop.GeoClue2.Client", name, value), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, call_done_cb, g_object_ref (self));
}

/* GeoClue2: GetClient, then DesktopId and RequestedAccuracyLevel, then
 * Start; positions come in LocationUpdated. */
static void
geoclue_client_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FanfareSystemLocation) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      fail (self, error);
      return;
    }

  g_variant_get (reply, "(o)", &self->client_path);
  self->signal_id = g_dbus_connection_signal_subscribe (self->bus, GEOCLUE_NAME, "org.freedesktop.GeoClue2.Client",
                                                        "LocationUpdated", self->client_path, NULL,
                                                        G_DBUS_SIGNAL_FLAGS_NONE, geoclue_updated_cb, self, NULL);
  set_client_property (self, "DesktopId", g_variant_new_string (self->desktop_id));
  set_client_property (self, "RequestedAccuracyLevel", g_variant_new_uint32 (GEOCLUE_ACCURACY_CITY));
  g_dbus_connection_call (self->bus, GEOCLUE_NAME, self->client_path, "org.freedesktop.GeoClue2.Client", "Start",
                          NULL, NULL, G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, call_done_cb,
                          g_object_ref (self));
}

/* The portal: CreateSession, then Start; positions come in
 * LocationUpdated on the portal for the session. */
static void
portal_session_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FanfareSystemLocation) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder options;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      fail (self, error);
      return;
    }

  g_variant_get (reply, "(o)", &self->client_path);
  self->signal_id = g_dbus_connection_signal_subscribe (self->bus, PORTAL_NAME, "org.freedesktop.portal.Location",
                                                        "LocationUpdated", PORTAL_PATH, self->client_path,
                                                        G_DBUS_SIGNAL_FLAGS_MATCH_ARG0_PATH, portal_updated_cb,
                                                        self, NULL);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_dbus_connection_call (self->bus, PORTAL_NAME, PORTAL_PATH, "org.freedesktop.portal.Location", "Start",
                          g_variant_new ("(osa{sv})", self->client_path, "", &options), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, call_done_cb, g_object_ref (self));
}

static void
system_start (FanfareLocationSource *source)
{
  FanfareSystemLocation *self = FANFARE_SYSTEM_LOCATION (source);
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL)
    return;
  if (self->bus == NULL)
    self->bus = g_bus_get_sync (self->sandboxed ? G_BUS_TYPE_SESSION : G_BUS_TYPE_SYSTEM, NULL, &error);
  if (self->bus == NULL)
    {
      fail (self, error);
      return;
    }

  self->cancellable = g_cancellable_new ();
  if (self->sandboxed)
    {
      GVariantBuilder options;
      g_autofree char *token = g_strdup_printf ("fanfare%u", g_random_int ());

      g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
      g_variant_builder_add (&options, "{sv}", "session_handle_token", g_variant_new_string (token));
      g_variant_builder_add (&options, "{sv}", "accuracy", g_variant_new_uint32 (PORTAL_ACCURACY_CITY));
      g_dbus_connection_call (self->bus, PORTAL_NAME, PORTAL_PATH, "org.freedesktop.portal.Location", "CreateSession",
                              g_variant_new ("(a{sv})", &options), G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                              self->cancellable, portal_session_cb, g_object_ref (self));
    }
  else
    g_dbus_connection_call (self->bus, GEOCLUE_NAME, "/org/freedesktop/GeoClue2/Manager",
                            "org.freedesktop.GeoClue2.Manager", "GetClient", NULL, G_VARIANT_TYPE ("(o)"),
                            G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, geoclue_client_cb, g_object_ref (self));
}

static void
system_stop (FanfareLocationSource *source)
{
  FanfareSystemLocation *self = FANFARE_SYSTEM_LOCATION (source);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->signal_id != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->signal_id);
  self->signal_id = 0;
  if (self->client_path != NULL)
    {
      if (self->sandboxed)
        g_dbus_connection_call (self->bus, PORTAL_NAME, self->client_path, "org.freedesktop.portal.Session", "Close",
                                NULL, NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
      else
        g_dbus_connection_call (self->bus, GEOCLUE_NAME, self->client_path, "org.freedesktop.GeoClue2.Client", "Stop",
                                NULL, NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
    }
  g_clear_pointer (&self->client_path, g_free);
}

static void
system_iface_init (FanfareLocationSourceInterface *iface)
{
  iface->start = system_start;
  iface->stop = system_stop;
}

static void
fanfare_system_location_dispose (GObject *object)
{
  FanfareSystemLocation *self = FANFARE_SYSTEM_LOCATION (object);

  system_stop (FANFARE_LOCATION_SOURCE (self));
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (fanfare_system_location_parent_class)->dispose (object);
}

static void
fanfare_system_location_finalize (GObject *object)
{
  FanfareSystemLocation *self = FANFARE_SYSTEM_LOCATION (object);

  g_free (self->desktop_id);

  G_OBJECT_CLASS (fanfare_system_location_parent_class)->finalize (object);
}

static void
fanfare_system_location_class_init (FanfareSystemLocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_system_location_dispose;
  object_class->finalize = fanfare_system_location_finalize;
}

static void
fanfare_system_location_init (FanfareSystemLocation *self)
{
  self->sandboxed = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * fanfare_location_source_new_system:
 * @desktop_id: the application's id, which GeoClue asks about
 *
 * Returns: (transfer full): the system's location: GeoClue2, or the
 *   desktop portal when running sandboxed
 */
FanfareLocationSource *
fanfare_location_source_new_system (const char *desktop_id)
{
  FanfareSystemLocation *self = g_object_new (FANFARE_TYPE_SYSTEM_LOCATION, NULL);

  self->desktop_id = g_strdup (desktop_id);

  return FANFARE_LOCATION_SOURCE (self);
}
