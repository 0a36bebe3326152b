minikube start > /dev/null
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llmops-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: llmops
  template:
    metadata:
      labels:
        app: llmops-web
    spec:
      containers:
      - name: c
        image: nginx
EOF
kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: s1
spec:
  type: Loadbalancer
  selector:
    app: x
  ports:
  - port: 80
EOF
kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: s2
 spec:
  type: ClusterIP
EOF
kubectl apply -f - <<EOF
apiVersion: v1
kind: Widget
metadata:
  name: w
EOF
kubectl apply -f - <<EOF
metadata:
  name: nokind
EOF
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: typo
spec:
  replica: 2
  selector:
    matchLabels:
      app: t
  template:
    metadata:
      labels:
        app: t
    spec:
      containers:
      - name: c
        image: nginx
        imagePullPolicy: ifNotPresent
EOF
kubectl apply -f manifests/llmops-k8s.yaml
kubectl apply -f manifests/llmops-k8s.yaml
kubectl apply -f manifests/
kubectl apply -f manifests/llmops-k8s.yaml --dry-run=client
kubectl create -f manifests/llmops-k8s.yaml
