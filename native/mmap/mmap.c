// map(fd, length): the first `length` bytes of an open file as a Buffer whose memory is the
// file's page cache (a MAP_SHARED mapping). What is stored into it is in the file as soon as it
// is stored, without a system call, and survives the process being killed, as a write() does.
//
// The file's blocks are reserved first (posix_fallocate), so storing into the mapping never
// needs a block from a full disk, which would kill the process with SIGBUS instead of failing
// a call. The mapping is undone when the Buffer is garbage collected, so no view of it can
// outlive it. Linux only: elsewhere `map` throws and the caller writes instead.
#define NAPI_VERSION 8
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static void unmap(napi_env env, void* data, void* hint) {
  (void)env;
  munmap(data, (size_t)(uintptr_t)hint);
}

static napi_value fail(napi_env env, const char* call, int err) {
  char message[256];
  snprintf(message, sizeof message, "%s failed: %s", call, strerror(err));
  napi_throw_error(env, NULL, message);
  return NULL;
}

static napi_value map(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  int32_t fd;
  int64_t length;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 2 ||
      napi_get_value_int32(env, argv[0], &fd) != napi_ok ||
      napi_get_value_int64(env, argv[1], &length) != napi_ok || fd < 0 || length <= 0) {
    napi_throw_type_error(env, NULL, "map(fd, length) takes an open file and a length above 0");
    return NULL;
  }
#ifdef __linux__
  int err = posix_fallocate(fd, 0, (off_t)length);
  if (err != 0) return fail(env, "posix_fallocate", err);
  void* data = mmap(NULL, (size_t)length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED) return fail(env, "mmap", errno);
  napi_value buffer;
  if (napi_create_external_buffer(env, (size_t)length, data, unmap, (void*)(uintptr_t)length,
                                  &buffer) != napi_ok) {
    munmap(data, (size_t)length);
    napi_throw_error(env, NULL, "could not wrap the mapping in a Buffer");
    return NULL;
  }
  return buffer;
#else
  (void)fd;
  return fail(env, "map", ENOTSUP);
#endif
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "map", NAPI_AUTO_LENGTH, map, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "map", fn) != napi_ok) return NULL;
  return exports;
}
