/* Stand-in for the Arduino TensorFlow Lite Micro library's umbrella header (tests only). */
#ifndef STANDIN_TENSORFLOWLITE_H
#define STANDIN_TENSORFLOWLITE_H
#endif
